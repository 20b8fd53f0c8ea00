import { broadcastHint, type BroadcastCounts } from '../../../nodes/OtnBroadcast/broadcastHint';

const counts: BroadcastCounts = {
	campaign: 'spring-sale-2026',
	dryRun: false,
	sent: 900,
	unconfirmed: 0,
	notSent: {},
	stats: { calls: 18, throttledAnswers: 0, retries: 0, durationMs: 9000, finalRatePerSecond: 100 },
};

describe("the broadcast's hint on Meta's usage", () => {
	it("shows the Page's usage at its peak, and how far it slowed the run", () => {
		const stats = {
			...counts.stats!,
			usagePeak: { percent: 83, counter: 'call_count' as const, header: 'X-Business-Use-Case-Usage' as const, type: 'messenger', regainAccessMinutes: 0 },
			slowestPerSecond: 68,
		};
		expect(broadcastHint({ ...counts, stats }).message).toContain("Meta's usage for the Page peaked at 83% (call_count); the pace slowed to 68 messages/s to spread the calls.");
	});

	it("names the app's usage for X-App-Usage, and no slowing below 75%", () => {
		const stats = { ...counts.stats!, usagePeak: { percent: 28, counter: 'total_time' as const, header: 'X-App-Usage' as const, regainAccessMinutes: 0 } };
		const { message } = broadcastHint({ ...counts, stats });
		expect(message).toContain("Meta's usage for the app peaked at 28% (total_time).");
		expect(message).not.toContain('slowed');
	});

	it('says nothing of usage when Meta sent no usage header', () => {
		expect(broadcastHint(counts).message).not.toContain('usage');
	});
});
