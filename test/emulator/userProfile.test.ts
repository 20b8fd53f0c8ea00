import { newPage, startHarness, expectGraphError, type Harness } from './helpers';

/** The User Profile API: a subscriber's first and last name for the Page's own token, and Meta's errors when there are none to read. */

describe('GET /<PSID> (User Profile API)', () => {
	let h: Harness;
	beforeAll(async () => {
		h = await startHarness();
	});
	afterAll(() => h.emulator.close());

	const profile = (token: string, psid: string, fields = 'first_name,last_name,profile_pic') =>
		h.graph.get(`/v25.0/${psid}`, { params: { access_token: token, fields } });

	it("answers the subscriber's names to their Page's token; the first word of the name and the rest by default", async () => {
		const page = await newPage(h.control);
		const { psid } = await h.control.createSubscriber(page.pageId, { name: 'Ada King Lovelace' });
		const answer = await profile(page.pageToken, psid);
		expect(answer.status).toBe(200);
		expect(answer.data).toEqual({ first_name: 'Ada', last_name: 'King Lovelace', id: psid });
		expect((await profile(page.pageToken, psid, 'first_name')).data).toEqual({ first_name: 'Ada', id: psid });
	});

	it('leaves out a name the profile lacks, and answers 100/2018218 for a person with neither', async () => {
		const page = await newPage(h.control);
		const onlyFirst = await h.control.createSubscriber(page.pageId, { firstName: 'Grace', lastName: null });
		expect((await profile(page.pageToken, onlyFirst.psid)).data).toEqual({ first_name: 'Grace', id: onlyFirst.psid });
		const none = await h.control.createSubscriber(page.pageId, { firstName: null, lastName: null });
		expectGraphError(await profile(page.pageToken, none.psid), { code: 100, subcode: 2018218, message: '(#100) No profile available for this user.' });
	});

	it('answers 100/33 when the Page may not read profiles, and to another Page, whose PSIDs are its own', async () => {
		const page = await newPage(h.control);
		const other = await newPage(h.control);
		const { psid } = await h.control.createSubscriber(page.pageId, { name: 'Ada Lovelace' });
		expectGraphError(await profile(other.pageToken, psid), { code: 100, subcode: 33, type: 'GraphMethodException' });
		expect(await h.control.setProfileAccess(page.pageId, false)).toEqual({ pageId: page.pageId, profileAccess: false });
		expectGraphError(await profile(page.pageToken, psid), { code: 100, subcode: 33, message: /cannot be loaded due to missing permissions/ });
		await h.control.setProfileAccess(page.pageId, true);
		expect((await profile(page.pageToken, psid)).data).toEqual({ first_name: 'Ada', last_name: 'Lovelace', id: psid });
	});
});
