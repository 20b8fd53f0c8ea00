import { OPT_IN_REQUEST_REPEAT_MS } from '../../core/durations';
import { duplicateOptInRequest } from '../../fixtures/graphErrors';
import type { OptInRequestRecord, OptInTemplateType, SubscriberRecord } from '../../state/subscribers';
import { DEFAULT_MARKETING_TITLE } from '../../state/tokens';
import { GraphError } from '../graphError';

/** Opt-in requests: the weekly same-title rule and the record a later "Notify Me" tap answers. */

function titleOf(templateType: OptInTemplateType, payload: Record<string, unknown>): string {
	const title = typeof payload.title === 'string' ? payload.title : '';
	return templateType === 'notification_messages' && title === '' ? DEFAULT_MARKETING_TITLE : title;
}

/** docs/meta-platform.md §2.2: one notification_messages request per subscriber per week for the same title, default title included. */
export function checkOptInRequest(subscriber: SubscriberRecord, templateType: OptInTemplateType, payload: Record<string, unknown>, now: number): void {
	if (templateType !== 'notification_messages') return;
	const last = subscriber.marketingRequestTitles[titleOf(templateType, payload)];
	if (last !== undefined && now - last < OPT_IN_REQUEST_REPEAT_MS) throw new GraphError(duplicateOptInRequest());
}

export function recordOptInRequest(
	subscriber: SubscriberRecord,
	templateType: OptInTemplateType,
	payload: Record<string, unknown>,
	messageId: string,
	now: number,
): OptInRequestRecord {
	const request: OptInRequestRecord = { templateType, title: titleOf(templateType, payload), payload: String(payload.payload), messageId, sentAt: now };
	if (templateType === 'notification_messages') {
		subscriber.marketingRequestTitles[request.title] = now;
		copyIfString(payload.notification_messages_cta_text, (value) => (request.ctaText = value));
		request.timezone = typeof payload.notification_messages_timezone === 'string' ? payload.notification_messages_timezone : 'UTC';
		copyIfString(payload.image_url, (value) => (request.imageUrl = value));
		copyIfString(payload.image_aspect_ratio, (value) => (request.imageAspectRatio = value));
	}
	subscriber.lastOptInRequest = request;
	return request;
}

function copyIfString(value: unknown, set: (value: string) => void): void {
	if (typeof value === 'string') set(value);
}
