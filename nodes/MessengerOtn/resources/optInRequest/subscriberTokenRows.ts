import { NodeOperationError, jsonParse, type IExecuteFunctions } from 'n8n-workflow';

import { normalizeTokenRow } from '../../../shared/tokens/normalizeTokenRow';
import { hasProblem, type Raw } from '../../../shared/tokens/rowProblem';
import type { TokenRow } from '../../../shared/tokens/tokenRow';

const FIELD = "Subscriber's Token Rows";
const HOW_TO_MAP = "Map the subscriber's rows from your store as a list, e.g. {{ $('Find Subscriber Rows').all().map(item => item.json) }}, or leave the field empty to skip the check.";

function isObject(value: unknown): value is Raw {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An n8n item (`{ json }`) counts as its row, so `.all()` may be mapped as it is. */
function rowOf(value: unknown): unknown {
	return isObject(value) && isObject(value.json) && !('psid' in value) ? value.json : value;
}

function asList(context: IExecuteFunctions, itemIndex: number, value: unknown): unknown[] {
	if (typeof value === 'string') {
		let parsed: unknown;
		try {
			parsed = jsonParse(value);
		} catch {
			throw new NodeOperationError(context.getNode(), `${FIELD} is not JSON`, { itemIndex, description: `Nothing was sent. ${HOW_TO_MAP}` });
		}
		return asList(context, itemIndex, parsed);
	}
	if (Array.isArray(value)) return value;
	if (isObject(value)) return [value];
	throw new NodeOperationError(context.getNode(), `${FIELD} holds neither a list of rows nor a row`, { itemIndex, description: `Nothing was sent. ${HOW_TO_MAP}` });
}

/**
 * The rows the user gave to check a request against, as token rows, or null where the field is
 * empty (no check asked for). A row that is not a token row fails the item: a check run on rows it
 * cannot read would let the repeat through.
 */
export function subscriberTokenRows(context: IExecuteFunctions, itemIndex: number, value: unknown): TokenRow[] | null {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
	return asList(context, itemIndex, value).map((raw, index) => {
		const row = rowOf(raw);
		const check = isObject(row) ? normalizeTokenRow(row, { requireToken: false }) : { problem: { column: '', message: 'it is not an object' } };
		if (!hasProblem(check)) return check.row;
		throw new NodeOperationError(context.getNode(), `Row ${index + 1} of ${FIELD} is not a token row: ${check.problem.message}`, {
			itemIndex,
			description: `Nothing was sent. Give the rows of your token store as they are (tokenId, tokenType, pageId, psid, topic, status, optedInAt, expiresAt). ${HOW_TO_MAP}`,
		});
	});
}
