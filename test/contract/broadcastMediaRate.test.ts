// OTN Broadcast of a video in n8n-core's real engine against the emulator, which holds a Page's
// audio and video sends to 10 a second as Meta's rate-limiting page says
// (https://developers.facebook.com/documentation/business-messaging/messenger-platform/overview/rate-limiting).
// The Send Rate stays at the text default: the node keeps Meta's count within the lower limit itself.
import { OtnBroadcast } from '../../nodes/OtnBroadcast/OtnBroadcast.node';
import { runNode } from '../harness/n8nEngine';
import { broadcastParameters, deliveriesPerToken, issuedRows } from './broadcastRows';
import { useEmulator } from './emulatorFixture';

const emulator = useEmulator();
const TOKENS = 30;

describe('OTN Broadcast of audio or video', () => {
	jest.setTimeout(60_000);

	it('keeps Meta’s count of video sends within 10 a second at a Send Rate of 200: none refused, each subscriber once', async () => {
		const page = await emulator.newPage();
		const rows = await issuedRows(emulator.control, page.pageId, TOKENS);
		await emulator.control.resetStats();
		const run = await runNode({
			node: new OtnBroadcast(),
			parameters: broadcastParameters({ messageType: 'video', mediaSource: 'url', mediaUrl: 'https://shop.example/spring-sale.mp4', ratePerSecond: 200 }),
			input: rows,
			credentials: page.credentials,
		});
		expect(run.error).toBeUndefined();
		expect(run.outputs[0]).toHaveLength(TOKENS);
		const counts = await deliveriesPerToken(emulator.control, page.pageId);
		expect(rows.map((row) => counts.get(String(row.token)))).toEqual(rows.map(() => 1));
		const stats = (await emulator.control.stats()).pages.find((entry) => entry.key === page.pageId);
		console.log(`video broadcast: ${TOKENS} tokens at a Send Rate of 200/s; emulator rate-limited ${stats?.rateLimited}, busiest second ${stats?.peakPerSecond}; ${run.hints[0]?.message}`);
		expect(stats?.rateLimited).toBe(0);
	});
});
