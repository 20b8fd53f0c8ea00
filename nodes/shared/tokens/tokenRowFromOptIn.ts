import { dateCell, idCell, textCell } from './rowCells';
import { checkRow, type Raw, type RowCheck, RowReader } from './rowProblem';
import { newTokenRow } from './newTokenRow';
import type { TokenRow, TokenType } from './tokenRow';
import { oneTimeTokenExpiresAt } from './tokenRules';
import { describeEventType } from './rowLabel';

/** The trigger's opt-in event types and the token each carries. */
const OPT_IN_TYPES: Record<string, TokenType> = { otn_optin: 'one_time', marketing_optin: 'marketing' };

/**
 * The token row of one opt-in event (a Messenger OTN Trigger item): `available`, nothing sent
 * yet. The tokenId is derived from the token again, so the row's key never depends on the
 * item's own copy.
 */
export function tokenRowFromOptIn(event: Raw): RowCheck<TokenRow> {
	return checkRow(() => {
		const read: RowReader = new RowReader(event, event.token, 'field');
		const type = read.cell('type', textCell);
		if (type === 'invalid') {
			read.fail('type', `the trigger could not read this event: ${String(read.cell('error', textCell) ?? 'no reason given')}`);
		}
		const tokenType = type === null ? undefined : OPT_IN_TYPES[type];
		if (!tokenType) {
			read.fail('type', type === null ? 'it has no event "type"' : `it is ${describeEventType(type, event.token)}, not an opt-in`);
		}
		const token = read.required('token', textCell);
		const optedInAt = read.cell('optedInAt', dateCell) ?? read.required('timestamp', dateCell);
		const expiresAt =
			read.cell('expiresAt', dateCell) ??
			(tokenType === 'one_time' ? oneTimeTokenExpiresAt(optedInAt) : null);
		// Meta lets a Page follow up on a fresh opt-in at once; cool-downs start with a send.
		return newTokenRow({
			token,
			tokenType,
			pageId: read.required('pageId', idCell),
			psid: read.required('psid', idCell),
			topic: read.cell('topic', textCell),
			title: read.cell('title', textCell),
			timezone: read.cell('timezone', textCell),
			optedInAt,
			expiresAt,
		});
	});
}
