import type { AxiosResponse } from 'axios';

import { activeSubscriber, DAY, expectGraphError, newPage, send, startHarness, textTo, type Harness } from './helpers';

/** The Page's entry of X-Business-Use-Case-Usage (Meta's rate-limiting page: keyed by the business object). */
function pageUsage(response: AxiosResponse, pageId: string): Record<string, unknown> {
	const header = JSON.parse(String(response.headers['x-business-use-case-usage'])) as Record<string, Array<Record<string, unknown>>>;
	expect(Object.keys(header)).toEqual([pageId]);
	return header[pageId][0];
}

describe("the Page's Messenger budget over 24 hours", () => {
	let h: Harness;
	beforeAll(async () => {
		h = await startHarness();
	});
	afterAll(() => h.emulator.close());

	it("reports the usage on every answer, the batch's own included, and refuses with 80006 once spent, until the window passes", async () => {
		const page = await newPage(h.control);
		const psid = await activeSubscriber(h.control, page.pageId);
		expect(await h.control.setPageBudget({ callsPer24h: 10, pageId: page.pageId })).toMatchObject({ callsPer24h: 10, callCountPercent: 0 });

		let last: AxiosResponse | undefined;
		for (let i = 0; i < 4; i++) last = await send(h.graph, page.pageToken, textTo(psid, `single ${i}`));
		expect(pageUsage(last!, page.pageId)).toEqual({ type: 'messenger', call_count: 40, total_cputime: 0, total_time: 0, estimated_time_to_regain_access: 0 });

		const item = (text: string) => ({ method: 'POST', relative_url: 'me/messages', body: new URLSearchParams({ recipient: JSON.stringify({ id: psid }), messaging_type: 'RESPONSE', message: JSON.stringify({ text }) }).toString() });
		const batch = await h.graph.post('/v25.0/', { access_token: page.pageToken, batch: JSON.stringify(Array.from({ length: 6 }, (_, i) => item(`batch ${i}`))) });
		expect(batch.status).toBe(200);
		expect((batch.data as Array<{ code: number }>).map((answer) => answer.code)).toEqual([200, 200, 200, 200, 200, 200]);
		// Spent: the oldest call leaves the window 24 hours after it was made.
		expect(pageUsage(batch, page.pageId)).toMatchObject({ call_count: 100, estimated_time_to_regain_access: 24 * 60 });

		const refused = await send(h.graph, page.pageToken, textTo(psid, 'one too many'));
		expectGraphError(refused, { code: 80006, type: 'OAuthException', message: /^\(#80006\)/ });
		expect(pageUsage(refused, page.pageId)).toMatchObject({ call_count: 100 });
		expect(await h.control.deliveries({ pageId: page.pageId })).toHaveLength(10);

		await h.control.advanceClock(DAY);
		// A day on, the subscriber writes again so the reply is inside Messenger's 24-hour window.
		await h.control.sendsMessage(page.pageId, psid);
		const later = await send(h.graph, page.pageToken, textTo(psid, 'next day'));
		expect(later.status).toBe(200);
		// The refused call was counted too, and a day has passed for it as well.
		expect(pageUsage(later, page.pageId)).toMatchObject({ call_count: 10, estimated_time_to_regain_access: 0 });
	});

	it('sizes the budget as 200 calls per engaged user, Page by Page, and leaves other Pages far from theirs', async () => {
		const small = await newPage(h.control);
		const other = await newPage(h.control);
		expect(await h.control.setPageBudget({ engagedUsers: 3, pageId: small.pageId })).toMatchObject({ callsPer24h: 600 });
		const psid = await activeSubscriber(h.control, small.pageId);
		const otherPsid = await activeSubscriber(h.control, other.pageId);
		for (let i = 0; i < 6; i++) await send(h.graph, small.pageToken, textTo(psid, `m${i}`));
		expect(await h.control.pageBudget(small.pageId)).toMatchObject({ callCountPercent: 1, regainAccessMinutes: 0 });
		const answer = await send(h.graph, other.pageToken, textTo(otherPsid));
		expect(pageUsage(answer, other.pageId)).toMatchObject({ call_count: 0 });
	});
});
