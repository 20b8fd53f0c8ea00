import { AdAccountScores, READ_POINTS, WRITE_POINTS } from '../../emulator/load/adAccountScore';

// Meta's Marketing API score (https://developers.facebook.com/docs/marketing-api/overview/rate-limiting)
// behind X-Ad-Account-Usage (https://developers.facebook.com/docs/graph-api/overview/rate-limiting/).
describe("an ad account's Marketing API score", () => {
	it("reports the share used in Meta's X-Ad-Account-Usage shape, writes 3 points and reads 1", () => {
		const scores = new AdAccountScores();
		scores.set('1', { maxScore: 300 });
		expect(scores.tryCall('1', WRITE_POINTS, 0)).toBe(true);
		expect(scores.tryCall('1', READ_POINTS, 1000)).toBe(true);
		expect(JSON.parse(scores.header('1', 1000))).toEqual({ acc_id_util_pct: 1.33, reset_time_duration: 300, ads_api_access_tier: 'standard_access' });
	});

	it('refuses the call that would pass the maximum and blocks the account, at 100%, until the block ends', () => {
		const scores = new AdAccountScores();
		scores.set('1', { maxScore: 6, blockSeconds: 60 });
		expect(scores.tryCall('1', WRITE_POINTS, 0)).toBe(true);
		expect(scores.tryCall('1', WRITE_POINTS, 0)).toBe(true);
		expect(scores.tryCall('1', READ_POINTS, 10_000)).toBe(false);
		expect(JSON.parse(scores.header('1', 10_000))).toMatchObject({ acc_id_util_pct: 100, reset_time_duration: 290 });
		// The score decays over 300 s and the 60 s block ends: calls go through again.
		expect(scores.tryCall('1', READ_POINTS, 301_000)).toBe(true);
		expect(JSON.parse(scores.header('1', 301_000)).acc_id_util_pct).toBe(16.67);
	});
});
