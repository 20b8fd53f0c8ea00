import type { IExecuteFunctions } from 'n8n-workflow';

import type { ItemErrors } from '../itemErrors';
import { normalizeSendLogRow } from '../tokens/normalizeSendLogRow';
import { normalizeTokenRow } from '../tokens/normalizeTokenRow';
import { describeEventType, rowLabel } from '../tokens/rowLabel';
import { rowFix } from '../tokens/rowFixes';
import { hasProblem, type Raw, type RowCheck } from '../tokens/rowProblem';
import { readStatusEvent } from '../tokens/statusEvent';
import type { ConsentSources } from './consentRecord';

const CONSENT_EVENT_TYPES = ['marketing_stop', 'marketing_resume', 'marketing_unsubscribe'];

type Kind = keyof ConsentSources;

const KIND_NAMES: Record<Kind, string> = { tokenRows: 'a token row', sends: 'a send log row', events: 'a stop, resume or unsubscribe event' };

/** An item with `type` is an event, one with `sentAt` a send log row, any other a token row. */
function kindOf(raw: Raw): Kind {
	if (raw.type !== undefined) return 'events';
	return raw.sentAt !== undefined ? 'sends' : 'tokenRows';
}

function read(kind: Kind, raw: Raw): RowCheck<unknown> {
	if (kind === 'sends') return normalizeSendLogRow(raw);
	if (kind === 'tokenRows') return normalizeTokenRow(raw, { requireToken: false });
	if (!CONSENT_EVENT_TYPES.includes(String(raw.type))) {
		return { problem: { column: 'type', message: `it is ${describeEventType(raw.type, raw.token)}; a consent record takes ${CONSENT_EVENT_TYPES.join(', ')} (deliveries and reads come from the send log)` } };
	}
	return readStatusEvent(raw);
}

/** The input items sorted into token rows, send log rows and consent events; an unreadable item is reported, never dropped. */
export function readConsentSources(context: IExecuteFunctions, errors: ItemErrors): ConsentSources {
	const sources: ConsentSources = { tokenRows: [], sends: [], events: [] };
	context.getInputData().forEach((item, itemIndex) => {
		const kind = kindOf(item.json);
		const check = read(kind, item.json);
		if (hasProblem(check)) {
			errors.report(itemIndex, `${rowLabel(item.json, itemIndex)} is not ${KIND_NAMES[kind]}: ${check.problem.message}`, rowFix(check.problem.column));
			return;
		}
		(sources[kind] as Array<{ row: unknown; itemIndex: number }>).push({ row: check.row, itemIndex });
	});
	return sources;
}
