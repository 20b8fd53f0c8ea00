import type { IExecuteFunctions } from 'n8n-workflow';

import type { ItemErrors } from '../shared/itemErrors';
import { dedupeTokenRows, type DistinctRow, type IndexedRow } from '../shared/tokens/dedupeRows';
import { tokenRowsInTurns } from '../shared/tokens/readRows';
import type { TokenRow } from '../shared/tokens/tokenRow';
import type { SendThrough } from './broadcastSettings';
import { anyEligible } from './planBroadcast';
import type { PreflightResult } from './preflight';
import type { BroadcastChannel } from './sendBroadcast';

/**
 * The input's token rows, each key once, and the check of the credential: it goes out with the
 * first row that can be sent to and travels while the other rows are read (a round trip saved).
 * No row to send to: no call at all.
 */
export async function readRowsWhileChecking(
	context: IExecuteFunctions,
	errors: ItemErrors,
	channel: BroadcastChannel,
	now: Date,
	sendThrough: SendThrough,
): Promise<{ rows: Array<DistinctRow<TokenRow>>; checking: Promise<PreflightResult> | undefined }> {
	let checking: Promise<PreflightResult> | undefined;
	const indexed: Array<IndexedRow<TokenRow>> = [];
	for await (const read of tokenRowsInTurns(context, errors, true)) {
		indexed.push(...read);
		if (!checking && anyEligible(read, now, sendThrough)) {
			checking = channel.preflight();
			// Awaited only when there is something to send; a failure meanwhile is not unhandled.
			checking.catch(() => undefined);
		}
	}
	return { rows: dedupeTokenRows(indexed), checking };
}
