// One emulator per test file, and a fresh app (own Page, token and secret) per test, so tests
// never see each other's subscribers, faults or rate limits.
import axios from 'axios';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { EmulatorClient, type AppWithPages, type CreateAdAccountInput } from '../../emulator/client';
import { startEmulator, type RunningEmulator } from '../../emulator/server';

export interface EmulatedPage {
	app: AppWithPages;
	pageId: string;
	pageToken: string;
	credentials: Record<string, ICredentialDataDecryptedObject>;
}

export function useEmulator() {
	let emulator: RunningEmulator;
	let control: EmulatorClient;

	beforeAll(async () => {
		emulator = await startEmulator({ port: 0 });
		control = new EmulatorClient(emulator.url);
	});
	afterAll(async () => {
		await emulator.close();
	});

	return {
		get control(): EmulatorClient {
			return control;
		},
		get url(): string {
			return emulator.url;
		},
		/** A new app with one Page, and a credential of the package pointing at it. */
		async newPage(options: { requireAppSecretProof?: boolean; withAppSecret?: boolean } = {}): Promise<EmulatedPage> {
			const app = await control.createApp({ requireAppSecretProof: options.requireAppSecretProof });
			const page = app.pages[0];
			return {
				app,
				pageId: page.pageId,
				pageToken: page.pageToken,
				credentials: {
					messengerOtnPageApi: {
						accessToken: page.pageToken,
						appId: app.appId,
						appSecret: options.withAppSecret === false ? '' : app.appSecret,
						graphApiVersion: 'v25.0',
						graphHost: emulator.url,
					},
				},
			};
		},
		/**
		 * An ad account linked to the Page and a system user with access to it, and the Messenger OTN
		 * Marketing API credential for them beside the Page's (docs/meta-platform.md §3.1).
		 */
		async withAdAccount(page: EmulatedPage, account: CreateAdAccountInput = {}): Promise<EmulatedPage & { adAccountId: string; systemUserToken: string }> {
			const { account: created, systemUser } = await control.paid.newAdAccount([page.pageId], account);
			return {
				...page,
				adAccountId: created.adAccountId,
				systemUserToken: systemUser.token,
				credentials: {
					...page.credentials,
					messengerOtnMarketingApi: {
						accessToken: systemUser.token,
						adAccountId: `act_${created.adAccountId}`,
						appSecret: '',
						graphApiVersion: 'v25.0',
						graphHost: emulator.url,
					},
				},
			};
		},
		/** A Page with an ad account (withAdAccount) and an active message campaign of its own. */
		async paidPageWithCampaign(): Promise<{ page: EmulatedPage & { adAccountId: string; systemUserToken: string }; campaignId: string }> {
			const page = await this.withAdAccount(await this.newPage());
			const { data } = await axios.post(
				`${emulator.url}/v25.0/act_${page.adAccountId}/message_campaign`,
				{ name: 'Spring sale', lifetime_budget: 100_000, page_id: page.pageId },
				{ headers: { Authorization: `Bearer ${page.systemUserToken}` } },
			);
			return { page, campaignId: String(data.id) };
		},
		/** A subscriber who just wrote to the Page (their 24-hour window is open). */
		async activeSubscriber(pageId: string): Promise<string> {
			const subscriber = await control.createSubscriber(pageId);
			await control.sendsMessage(pageId, subscriber.psid, 'hi');
			return subscriber.psid;
		},
	};
}
