// OTN Broadcast's Variants (A/B) in n8n-core's real engine against the emulator, on both programs: a
// two-variant campaign of 200 subscribers, each sent the text of its variant; a re-run sends nothing;
// the receipts go through Apply Event into the send log (paid) or the token rows (Send API), and
// Summarize's figures per variant equal the emulator's own record.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { InboundEvent } from '../../emulator/client';
import { OtnBroadcast } from '../../nodes/OtnBroadcast/OtnBroadcast.node';
import { OtnTokenStore } from '../../nodes/OtnTokenStore/OtnTokenStore.node';
import { normalizeChange } from '../../nodes/shared/webhook/normalizeChange';
import { normalizeMessagingEvent } from '../../nodes/shared/webhook/normalizeEvent';
import { runNode } from '../harness/n8nEngine';
import { issuedRows } from './broadcastRows';
import { useEmulator } from './emulatorFixture';

const emulator = useEmulator();
const store = new OtnTokenStore();
const AUDIENCE = 200;
const TEXTS: Record<string, string> = { A: 'The spring sale is on: 20% off', B: 'The spring sale is on: free shipping' };

const variantParameters = {
	messageType: 'text',
	text: TEXTS.A,
	useVariants: true,
	variantAShare: 50,
	variants: { variant: [{ text: TEXTS.B, share: 50 }] },
	ratePerSecond: 1000,
	dryRun: false,
	options: {},
};

interface Figures {
	sent: number;
	delivered: number;
	read: number;
	clicked: number;
}

/** Which receipts a subscriber's Messenger reports: variant B reads and clicks more often, as a better text would. */
function receiptsOf(variant: string, index: number): { delivered: boolean; read: boolean; clicked: boolean } {
	const delivered = index % 10 !== 9;
	const read = delivered && index % (variant === 'B' ? 2 : 3) === 0;
	return { delivered, read, clicked: read && index % (variant === 'B' ? 4 : 6) === 0 };
}

function triggerItems(events: InboundEvent[]): IDataObject[] {
	return events.map((event) => (event.inChanges ? normalizeChange(event.pageId, event.messaging) : normalizeMessagingEvent(event.pageId, event.messaging)) as IDataObject);
}

/** Apply Event for each (row, event), as the capture workflow runs it; the changed columns merged into the rows by tokenId. */
async function applyEvents(rows: IDataObject[], events: Array<{ tokenId: unknown; event: IDataObject }>, kind: 'sendLog' | 'tokenRows'): Promise<IDataObject[]> {
	if (events.length === 0) return rows;
	const byToken = new Map<unknown, IDataObject>(rows.map((row) => [row.tokenId, row]));
	const run = await runNode({
		node: store,
		parameters: { resource: 'token', operation: 'applyEvent', rows: kind, event: "={{ $('Start').item.json.event }}" },
		input: events.map(({ tokenId, event }) => ({ ...(byToken.get(tokenId) as IDataObject), event })),
	});
	expect(run.error).toBeUndefined();
	for (const item of run.outputs[0]) Object.assign(byToken.get(item.json.tokenId) as IDataObject, item.json);
	return rows;
}

async function summarizePerVariant(rows: IDataObject[], kind: 'sendLog' | 'tokenRows'): Promise<Record<string, Figures & IDataObject>> {
	const run = await runNode({ node: store, parameters: { resource: 'token', operation: 'summarize', report: 'campaigns', rows: kind }, input: rows });
	expect(run.error).toBeUndefined();
	expect(run.outputs[0]).toHaveLength(1);
	const variants = run.outputs[0][0].json.variants as Array<Figures & IDataObject>;
	return Object.fromEntries(variants.map((variant) => [String(variant.variant), variant]));
}

function printTable(title: string, summary: Record<string, Figures & IDataObject>, truth: Record<string, Figures>): void {
	const columns = ['variant', 'sent', 'delivered', 'read', 'clicked', 'read %', 'clicked %', 'read vs A', 'clicked vs A', 'emulator sent/delivered/read/clicked'];
	const rows = Object.entries(summary).map(([name, figures]) => {
		const difference = figures.differenceFromA as IDataObject | undefined;
		const own = truth[name];
		const points = (value: unknown) => (difference ? `${Number(value) > 0 ? '+' : ''}${String(value)} pts` : '-');
		return [name, figures.sent, figures.delivered, figures.read, figures.clicked, figures.readPercent, figures.clickedPercent, points(difference?.read), points(difference?.clicked), `${own.sent}/${own.delivered}/${own.read}/${own.clicked}`].map(String);
	});
	const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(columns[index].length)).join(' | ');
	console.log([title, line(columns), ...rows.map(line)].join('\n'));
}

function expectFigures(summary: Record<string, Figures & IDataObject>, truth: Record<string, Figures>): void {
	expect(Object.keys(summary).sort()).toEqual(['A', 'B']);
	for (const name of ['A', 'B']) {
		const { sent, delivered, read, clicked } = summary[name];
		expect({ variant: name, sent, delivered, read, clicked }).toEqual({ variant: name, ...truth[name] });
	}
	// Shares of 50/50 over 200: neither variant is starved.
	expect(summary.A.sent + summary.B.sent).toBe(AUDIENCE);
	expect(Math.min(summary.A.sent, summary.B.sent)).toBeGreaterThan(AUDIENCE * 0.35);
}

function variantOfText(text: unknown): string {
	const name = Object.keys(TEXTS).find((key) => TEXTS[key] === text);
	if (!name) throw new Error(`The emulator delivered a text of no variant: ${String(text)}`);
	return name;
}

describe('OTN Broadcast with two variants', () => {
	it('through the paid API: each subscriber gets their variant once, and Summarize of the send log matches the emulator per variant', async () => {
		const { page, campaignId } = await emulator.paidPageWithCampaign();
		const rows = await issuedRows(emulator.control, page.pageId, AUDIENCE, 'marketing');
		const parameters: INodeParameters = { sendThrough: 'paidApi', campaignId, minConversationGapSeconds: 0, ...variantParameters };

		const first = await runNode({ node: new OtnBroadcast(), parameters, input: rows, credentials: page.credentials });
		expect(first.error).toBeUndefined();
		const sent = first.outputs[0].map((item) => item.json);
		expect(sent).toHaveLength(AUDIENCE);

		// The emulator's record: what text each subscriber got, and what their Messenger reported.
		const deliveries = (await emulator.control.deliveries({ pageId: page.pageId })).filter((delivery) => delivery.trackingId);
		expect(deliveries).toHaveLength(AUDIENCE);
		const variantOfTracking = new Map(deliveries.map((delivery) => [delivery.trackingId, variantOfText(delivery.message.text)]));
		for (const row of sent) expect(row.variant).toBe(variantOfTracking.get(String(row.messageId)));

		const again = await runNode({ node: new OtnBroadcast(), parameters, input: sent, credentials: page.credentials });
		expect(again.outputs[0]).toEqual([]);
		expect(again.outputs[1].map((item) => item.json.variant)).toEqual(sent.map((row) => row.variant));
		expect(await emulator.control.paid.messages({ pageId: page.pageId })).toHaveLength(AUDIENCE);

		// The template's "Add to Send Log", then the receipts through Apply Event on the send log.
		let sendLog: IDataObject[] = sent.map((row) => ({
			campaign: row.campaign,
			tokenId: row.tokenId,
			pageId: row.pageId,
			psid: row.psid,
			messageId: row.messageId,
			sentAt: row.lastSentAt,
			variant: row.variant,
		}));
		for (const kind of ['delivery', 'read', 'click'] as const) {
			const events: Array<{ tokenId: unknown; event: IDataObject }> = [];
			for (const [index, row] of sendLog.entries()) {
				const receipts = receiptsOf(String(row.variant), index);
				if (!(kind === 'delivery' ? receipts.delivered : kind === 'read' ? receipts.read : receipts.clicked)) continue;
				const reported = await emulator.control.paid.reports(page.pageId, String(row.psid), { kind, trackingId: String(row.messageId) });
				for (const event of triggerItems(reported)) events.push({ tokenId: row.tokenId, event });
			}
			sendLog = await applyEvents(sendLog, events, 'sendLog');
		}

		const truth: Record<string, Figures> = { A: { sent: 0, delivered: 0, read: 0, clicked: 0 }, B: { sent: 0, delivered: 0, read: 0, clicked: 0 } };
		for (const message of await emulator.control.paid.messages({ pageId: page.pageId })) {
			const figures = truth[variantOfTracking.get(message.trackingId) as string];
			figures.sent++;
			figures.delivered += Number(message.deliveredReportedAt !== null || message.readReportedAt !== null);
			figures.read += Number(message.readReportedAt !== null);
			figures.clicked += Number(message.clickedReportedAt !== null);
		}
		const summary = await summarizePerVariant(sendLog, 'sendLog');
		printTable(`Paid Marketing Message API, ${AUDIENCE} subscribers, Summarize of the send log:`, summary, truth);
		expectFigures(summary, truth);
		const difference = summary.B.differenceFromA as IDataObject;
		expect(difference.read).toBeCloseTo((summary.B.readPercent as number) - (summary.A.readPercent as number), 5);
		expect(difference.clicked).toBeCloseTo((summary.B.clickedPercent as number) - (summary.A.clickedPercent as number), 5);
	});

	it('through the Send API: each subscriber gets their variant once, and Summarize of the token rows matches the emulator per variant', async () => {
		const page = await emulator.newPage();
		const rows = await issuedRows(emulator.control, page.pageId, AUDIENCE, 'one_time');
		const parameters: INodeParameters = { sendThrough: 'sendApi', campaign: 'spring-ab', ...variantParameters };

		const first = await runNode({ node: new OtnBroadcast(), parameters, input: rows, credentials: page.credentials });
		expect(first.error).toBeUndefined();
		let tokenRows = first.outputs[0].map((item) => item.json);
		expect(tokenRows).toHaveLength(AUDIENCE);

		const deliveries = await emulator.control.deliveries({ pageId: page.pageId });
		expect(deliveries).toHaveLength(AUDIENCE);
		const variantOfPsid = new Map(deliveries.map((delivery) => [delivery.psid, variantOfText(delivery.message.text)]));
		for (const row of tokenRows) expect(row.variant).toBe(variantOfPsid.get(String(row.psid)));

		const again = await runNode({ node: new OtnBroadcast(), parameters, input: tokenRows, credentials: page.credentials });
		expect(again.outputs[0]).toEqual([]);
		expect(await emulator.control.deliveries({ pageId: page.pageId })).toHaveLength(AUDIENCE);

		// The Send API reports deliveries and reads per thread (a watermark); it has no click receipt.
		for (const kind of ['delivery', 'read'] as const) {
			const events: Array<{ tokenId: unknown; event: IDataObject }> = [];
			for (const [index, row] of tokenRows.entries()) {
				const receipts = receiptsOf(String(row.variant), index);
				if (!(kind === 'delivery' ? receipts.delivered : receipts.read)) continue;
				const reported = kind === 'delivery' ? await emulator.control.reportsDelivered(page.pageId, String(row.psid)) : await emulator.control.reportsRead(page.pageId, String(row.psid));
				for (const event of triggerItems(reported)) events.push({ tokenId: row.tokenId, event });
			}
			tokenRows = await applyEvents(tokenRows, events, 'tokenRows');
		}

		// The emulator's record: the receipts it sent, per subscriber.
		const truth: Record<string, Figures> = { A: { sent: 0, delivered: 0, read: 0, clicked: 0 }, B: { sent: 0, delivered: 0, read: 0, clicked: 0 } };
		const receipts = (await emulator.control.events({ pageId: page.pageId })).filter((event) => event.kind === 'delivery' || event.kind === 'read');
		for (const [psid, variant] of variantOfPsid) {
			const own = receipts.filter((event) => event.psid === psid);
			truth[variant].sent++;
			truth[variant].delivered += Number(own.length > 0);
			truth[variant].read += Number(own.some((event) => event.kind === 'read'));
		}
		const summary = await summarizePerVariant(tokenRows, 'tokenRows');
		printTable(`Send API, ${AUDIENCE} subscribers, Summarize of the token rows:`, summary, truth);
		expectFigures(summary, truth);
	});
});
