import { DEFAULT_AD_ACCOUNT_ID, DEFAULT_PAGE_ID, DEFAULT_SYSTEM_USER_TOKEN } from '../../emulator/server';
import { appSecretProof } from '../../emulator/graph/auth';
import { expectGraphError, startHarness, type Harness } from './helpers';
import { getAs, newPaidSetup, postAct, type PaidSetup } from './paidHelpers';

describe('paid API: who may call the ad-account endpoints (docs/meta-platform.md §3.1)', () => {
	let h: Harness;
	let setup: PaidSetup;
	beforeAll(async () => {
		h = await startHarness();
		setup = await newPaidSetup(h, { name: 'Spring shop', region: 'BR' });
	});
	afterAll(() => h.emulator.close());

	it('reads the ad account with the system user token, fields as asked', async () => {
		const response = await getAs(h, setup.systemUser.token, `/${setup.act}`, { fields: 'id,name,account_status,currency,business_country_code' });
		expect(response.status).toBe(200);
		expect(response.data).toEqual({ id: setup.act, name: 'Spring shop', account_status: 1, currency: 'USD', business_country_code: 'BR' });
		expect((await getAs(h, setup.systemUser.token, `/${setup.act}`)).data).toEqual({ id: setup.act, account_id: setup.account.adAccountId });
	});

	it('answers GET /me with the system user', async () => {
		const response = await getAs(h, setup.systemUser.token, '/me');
		expect(response.data).toEqual({ id: setup.systemUser.systemUserId, name: setup.systemUser.name });
	});

	it('refuses a Page token or an app token on an ad-account endpoint with 200', async () => {
		expectGraphError(await getAs(h, setup.page.pageToken, `/${setup.act}`), { code: 200, message: /system user access token/ });
		const appToken = `${setup.page.appId}|${setup.page.appSecret}`;
		expectGraphError(await postAct(h, setup, 'message_campaign', { name: 'x', page_id: setup.page.pageId }, appToken), { code: 200 });
	});

	it('answers 100/33 for an unknown ad account and for one the system user was not given', async () => {
		expectGraphError(await getAs(h, setup.systemUser.token, '/act_999999999'), { code: 100, subcode: 33 });
		const other = await newPaidSetup(h);
		expectGraphError(await getAs(h, setup.systemUser.token, `/${other.act}`), { code: 100, subcode: 33, message: /missing permissions/ });
	});

	it('refuses an unknown token with 190', async () => {
		expectGraphError(await getAs(h, 'NOT_A_TOKEN', `/${setup.act}`), { code: 190 });
	});

	it('needs ads_management and a paid messaging permission to create campaigns or send', async () => {
		const readOnly = await h.control.paid.createSystemUser({ adAccountIds: [setup.account.adAccountId], permissions: ['ads_read'] });
		expect((await getAs(h, readOnly.token, `/${setup.act}`)).status).toBe(200);
		const create = await postAct(h, setup, 'message_campaign', { name: 'x', page_id: setup.page.pageId }, readOnly.token);
		expectGraphError(create, { code: 200, message: '(#200) Requires ads_management permission to manage the object' });
		const noPaid = await h.control.paid.createSystemUser({ adAccountIds: [setup.account.adAccountId], permissions: ['ads_management'] });
		const send = await postAct(h, setup, 'messages', { message_id: '1' }, noPaid.token);
		expectGraphError(send, { code: 200, message: /paid_marketing_messages or marketing_messages_messenger/ });
	});

	it('checks appsecret_proof with the secret of the app that issued the system user token', async () => {
		const app = await h.control.createApp({ requireAppSecretProof: true });
		const user = await h.control.paid.createSystemUser({ appId: app.appId, adAccountIds: [setup.account.adAccountId] });
		expectGraphError(await getAs(h, user.token, `/${setup.act}`), { code: 100, message: /require an appsecret_proof/ });
		const proof = appSecretProof(user.token, app.appSecret);
		expect((await getAs(h, user.token, `/${setup.act}`, { appsecret_proof: proof })).status).toBe(200);
	});

	it('starts with a default ad account linked to the default Page, and its system user', async () => {
		const [account] = (await h.control.paid.adAccounts()).filter((record) => record.adAccountId === DEFAULT_AD_ACCOUNT_ID);
		expect(account.pageIds).toEqual([DEFAULT_PAGE_ID]);
		const [user] = (await h.control.paid.systemUsers()).filter((record) => record.token === DEFAULT_SYSTEM_USER_TOKEN);
		expect(user.adAccountIds).toEqual([DEFAULT_AD_ACCOUNT_ID]);
	});

	it('takes ad accounts and system users from the start options, and brings them back on reset', async () => {
		const own = await startHarness({
			adAccounts: [{ adAccountId: '42', pageIds: [DEFAULT_PAGE_ID], region: 'MX' }],
			systemUsers: [{ token: 'SYSTEM-42', adAccountIds: ['42'] }],
		});
		try {
			expect((await own.control.paid.adAccounts()).map((account) => [account.adAccountId, account.region])).toEqual([['42', 'MX']]);
			await own.control.paid.updateAdAccount('42', { region: 'US' });
			await own.control.reset();
			expect((await own.control.paid.adAccounts())[0].region).toBe('MX');
			expect((await getAs(own, 'SYSTEM-42', '/act_42')).status).toBe(200);
		} finally {
			await own.emulator.close();
		}
	});
});
