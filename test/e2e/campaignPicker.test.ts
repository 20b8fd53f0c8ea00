/**
 * The Campaign pickers in a real n8n, called the way the editor calls them when the list opens
 * (POST /rest/dynamic-node-parameters/resource-locator-results): OTN Broadcast's paid path and
 * Request OTN's Get Campaign list the campaigns of the Marketing API credential's ad account in the
 * emulator, and the typed filter narrows the list.
 */
import axios from 'axios';

import { createCredential } from '../../scripts/n8n/n8n-api';
import { rest } from '../../scripts/n8n/rest-client';
import { e2eInstance } from './e2e-instance';
import { newE2ePage } from './messengerPage';

const n8n = e2eInstance();

interface ListAnswer {
	results: Array<{ name: string; value: string }>;
	paginationToken?: string;
}

describe('the Campaign pickers in a real n8n', () => {
	let credential: { id: string; name: string };
	let pageId = '';
	const campaigns: Record<string, string> = {};

	beforeAll(async () => {
		const page = await newE2ePage(n8n, 'Campaign picker e2e');
		pageId = page.pageId;
		const { account, systemUser } = await page.control.paid.newAdAccount([page.pageId], { name: 'Picker shop' });
		credential = await createCredential(n8n, {
			name: `Marketing API picker e2e (${account.adAccountId})`,
			type: 'messengerOtnMarketingApi',
			data: { accessToken: systemUser.token, adAccountId: `act_${account.adAccountId}`, appSecret: '', graphApiVersion: 'v25.0', graphHost: n8n.emulatorUrl },
		});
		for (const name of ['Spring sale', 'Summer sale']) {
			const { data } = await axios.post(
				`${n8n.emulatorUrl}/v25.0/act_${account.adAccountId}/message_campaign`,
				{ name, lifetime_budget: 10_000, page_id: page.pageId },
				{ headers: { Authorization: `Bearer ${systemUser.token}` } },
			);
			campaigns[name] = String(data.id);
		}
	});

	function listFor(nodeType: string, currentNodeParameters: Record<string, unknown>, filter?: string, methodName = 'searchCampaigns', path = 'campaignId'): Promise<ListAnswer> {
		return rest<ListAnswer>(n8n, 'POST', '/dynamic-node-parameters/resource-locator-results', {
			methodName,
			path,
			nodeTypeAndVersion: { name: `n8n-nodes-messenger-otn.${nodeType}`, version: 1 },
			currentNodeParameters,
			credentials: { messengerOtnMarketingApi: { id: credential.id, name: credential.name } },
			...(filter === undefined ? {} : { filter }),
		});
	}

	it("OTN Broadcast's paid path lists the ad account's campaigns by name", async () => {
		const answer = await listFor('otnBroadcast', { sendThrough: 'paidApi', campaignId: { __rl: true, mode: 'list', value: '' } });
		expect(answer.results.map((result) => [result.name, result.value]).sort()).toEqual([
			['Spring sale (active)', campaigns['Spring sale']],
			['Summer sale (active)', campaigns['Summer sale']],
		]);
	});

	it("Request OTN's Get Campaign lists the same campaigns, narrowed by what the user types", async () => {
		const answer = await listFor('messengerOtn', { resource: 'marketingCampaign', operation: 'get', campaignId: { __rl: true, mode: 'list', value: '' } }, 'summer');
		expect(answer.results).toEqual([{ name: 'Summer sale (active)', value: campaigns['Summer sale'] }]);
	});

	it("Request OTN's Create Campaign lists the Pages of the system user's ad account", async () => {
		const answer = await listFor('messengerOtn', { resource: 'marketingCampaign', operation: 'create', pageId: { __rl: true, mode: 'list', value: '' } }, undefined, 'searchPages', 'pageId');
		expect(answer.results.map((result) => result.value)).toEqual([pageId]);
	});
});
