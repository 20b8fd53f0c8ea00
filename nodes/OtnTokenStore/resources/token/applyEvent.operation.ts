import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { applyStatusEvents } from '../../../shared/tokens/applyStatusEvents';
import { isDeliveryFailure } from '../../../shared/tokens/deliveryFailure';
import { hasProblem } from '../../../shared/tokens/rowProblem';
import { type RowUpdate, updateJson } from '../../../shared/tokens/rowUpdate';
import { readStatusEvent, type StatusEvent } from '../../../shared/tokens/statusEvent';
import { ItemErrors } from '../../../shared/itemErrors';
import { outputItem } from '../../../shared/outputItem';
import { type RowKind, readTrackedRows } from '../../../shared/tokens/readRows';

const EVENT_FIX =
	"Leave Event empty to read it from the Messenger OTN Trigger the rows were looked up for, or set it to the event item of a stop, resume, delivery or read, or of a paid marketing message's delivery, read, click or failure, e.g. {{ $('Messenger OTN Trigger').item.json }} with your trigger's name; or to the item of Request OTN's Unsubscribe, e.g. {{ $json }}.";

/** Node types end in the node's name; the package part differs between an install and a dev load. */
const TRIGGER_TYPE_SUFFIX = '.messengerOtnTrigger';

function eventValue(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		return value;
	}
}

/** The Messenger OTN Trigger this node's input comes from, found by type so a renamed trigger still works. */
function upstreamTrigger(context: IExecuteFunctions): string | undefined {
	return context.getParentNodes(context.getNode().name).find((node) => node.type.endsWith(TRIGGER_TYPE_SUFFIX))?.name;
}

/** The event of one item: the Event parameter, or when it is empty the trigger item the row was looked up for. */
function eventOf(context: IExecuteFunctions, itemIndex: number): unknown {
	const value = context.getNodeParameter('event', itemIndex, '');
	if (value !== '') return eventValue(value);
	const trigger = upstreamTrigger(context);
	if (trigger === undefined) throw new Error('Event is empty and no Messenger OTN Trigger comes before this node');
	return context.getWorkflowDataProxy(itemIndex).$(trigger).item.json;
}

/** The event of each item: the trigger item (or Unsubscribe item) the row was looked up for. */
function readEvents(context: IExecuteFunctions, errors: ItemErrors, itemIndexes: number[]): Map<number, StatusEvent> {
	const events = new Map<number, StatusEvent>();
	for (const itemIndex of itemIndexes) {
		let value: unknown;
		try {
			value = eventOf(context, itemIndex);
		} catch (error) {
			errors.report(itemIndex, `The Event of item ${itemIndex} cannot be read: ${(error as Error).message}`, EVENT_FIX);
			continue;
		}
		if (!value || typeof value !== 'object' || Array.isArray(value)) {
			errors.report(itemIndex, `The Event of item ${itemIndex} is not an event item`, EVENT_FIX);
			continue;
		}
		const check = readStatusEvent(value as Record<string, unknown>);
		if (hasProblem(check)) errors.report(itemIndex, `The Event of item ${itemIndex} cannot be applied: ${check.problem.message}`, EVENT_FIX);
		else events.set(itemIndex, check.row);
	}
	return events;
}

function updateHint(updates: RowUpdate[]): string {
	const tally = (test: (update: RowUpdate) => boolean) => updates.filter(test).length;
	return [
		`${updates.length} row(s) to update`,
		`${tally((u) => u.set.status === 'revoked')} revoked`,
		`${tally((u) => u.set.status === 'available')} restored`,
		`${tally((u) => u.set.deliveredAt !== undefined)} delivered`,
		`${tally((u) => u.set.readAt !== undefined)} read`,
		`${tally((u) => u.set.clickedAt !== undefined)} clicked`,
		`${tally((u) => isDeliveryFailure(u.set.error ?? null))} failed`,
	].join(', ');
}

/** Stored rows and their event in; what the store must change (key and changed columns) out. */
export function applyEvent(this: IExecuteFunctions): INodeExecutionData[][] {
	const errors = new ItemErrors(this);
	const kind = this.getNodeParameter('rows', 0, 'tokenRows') as RowKind;
	const readable = readTrackedRows(this, errors, kind);
	const events = readEvents(this, errors, readable.map(({ itemIndex }) => itemIndex));
	const rows = readable.filter(({ itemIndex }) => events.has(itemIndex));
	const updates = applyStatusEvents(rows, (itemIndex) => events.get(itemIndex)!);
	this.addExecutionHints({ message: updateHint(updates), location: 'outputPane' });
	return [[...updates.map((update) => outputItem(updateJson(update), update.itemIndexes)), ...errors.items]];
}
