/** Token Store's Apply Event for one trigger item, on token rows or send log rows. */
import type { IDataObject } from 'n8n-workflow';

import { applyStatusEvents } from '../../nodes/shared/tokens/applyStatusEvents';
import { normalizeSendLogRow } from '../../nodes/shared/tokens/normalizeSendLogRow';
import type { RowUpdate } from '../../nodes/shared/tokens/rowUpdate';
import { hasProblem } from '../../nodes/shared/tokens/rowProblem';
import { readStatusEvent } from '../../nodes/shared/tokens/statusEvent';
import type { TokenRow } from '../../nodes/shared/tokens/tokenRow';
import { tokenIdOf } from '../../nodes/shared/tokens/tokenId';
import { trackSendLogRow, trackTokenRow, type TrackedRow } from '../../nodes/shared/tokens/trackedRow';
import { indexed, tokenRow } from '../unit/tokenStore/tokenRows';

export function applyEvent(item: IDataObject, rows: TrackedRow[]): RowUpdate[] {
	const check = readStatusEvent(item);
	if (hasProblem(check)) throw new Error(`Apply Event refused the item: ${check.problem.message}`);
	return applyStatusEvents(indexed(rows), () => check.row);
}

/** A token row of the Page and subscriber an event names. */
export function storedTokenRow(overrides: Partial<TokenRow> & { token: string; pageId: string; psid: string }): TrackedRow {
	return trackTokenRow(tokenRow('x', { tokenId: tokenIdOf(overrides.token), ...overrides }));
}

/** A send log row (the Broadcast's sent item) of one token under one campaign. */
export function sendLogRow(fields: { campaign: string; token: string; pageId: string; psid: string; messageId: string | null; sentAt: string }): TrackedRow {
	const { token, ...rest } = fields;
	const check = normalizeSendLogRow({ ...rest, tokenId: tokenIdOf(token) });
	if (hasProblem(check)) throw new Error(check.problem.message);
	return trackSendLogRow(check.row);
}
