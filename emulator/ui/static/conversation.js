import { el } from './dom.js';
import { ctaLabel, shortToken, timeOf, VIA_LABELS } from './format.js';

/**
 * A subscriber's conversation as they see it in Messenger: their own messages and taps on the
 * right, the Page's messages on the left, with the buttons they can tap.
 *
 * `actions`: { notifyMe(), postback(payload, title), quickReply(payload, title) }.
 */
export function conversationItems(view, actions) {
	const lastRequestId = view.subscriber.lastOptInRequest?.messageId;
	return view.entries.map((entry, index) => {
		const isLast = index === view.entries.length - 1;
		return entry.from === 'page' ? pageItem(entry.delivery, { actions, lastRequestId, isLast }) : subscriberItem(entry.event);
	});
}

function subscriberItem(event) {
	const { messaging } = event;
	if (event.kind === 'message') return mine(messaging.message.text, event.at);
	if (event.kind === 'quick_reply') return mine(messaging.message.text, event.at, `quick reply ${messaging.message.quick_reply.payload}`);
	if (event.kind === 'postback') return mine(messaging.postback.title, event.at, `postback ${messaging.postback.payload}`);
	return note(optInNote(event.kind, messaging.optin), event.at);
}

function optInNote(kind, optin) {
	const topic = optin.title || optin.payload;
	if (kind === 'marketing_stop') return `You stopped messages about “${topic}”.`;
	if (kind === 'marketing_resume') return `You turned messages about “${topic}” back on.`;
	if (optin.type === 'one_time_notif_req') return `You tapped Notify Me (${optin.payload}). Token ${shortToken(optin.one_time_notif_token)}.`;
	return `You subscribed to “${topic}”. Token ${shortToken(optin.notification_messages_token)}.`;
}

function mine(text, at, detail) {
	return el('li', { class: 'row mine' }, el('div', { class: 'bubble mine' }, text), meta(at, detail));
}

function note(text, at) {
	return el('li', { class: 'row note' }, el('p', { class: 'note-text' }, text, ' ', el('time', {}, timeOf(at))));
}

function meta(at, detail) {
	return el('p', { class: 'meta' }, el('time', {}, timeOf(at)), detail ? ` · ${detail}` : '');
}

function pageItem(delivery, context) {
	const { message } = delivery;
	const promotion = VIA_LABELS[delivery.via];
	const detail = promotion ? `token ${shortToken(delivery.token)}` : undefined;
	return el(
		'li',
		{ class: promotion ? 'row theirs promotion' : 'row theirs' },
		promotion ? el('p', { class: 'badge promotion-badge' }, promotion) : null,
		messageContent(message, { ...context, messageId: delivery.messageId }),
		context.isLast ? quickReplies(message.quick_replies, context.actions) : null,
		meta(delivery.at, detail),
	);
}

function messageContent(message, context) {
	if (typeof message.text === 'string') return el('div', { class: 'bubble theirs' }, message.text);
	const attachment = message.attachment ?? {};
	if (attachment.type === 'template') return template(attachment.payload ?? {}, context);
	// Media is not fetched: the emulator stays on this machine. An uploaded file is named by its attachment id.
	const source = attachment.payload?.attachment_id ? `uploaded attachment ${attachment.payload.attachment_id}` : fileName(attachment.payload?.url);
	return el('div', { class: 'bubble theirs media' }, `${attachment.type ?? 'attachment'}: ${source}`);
}

function template(payload, context) {
	switch (payload.template_type) {
		case 'one_time_notif_req':
			return optInCard(payload.title, 'You will get one message when this is available.', 'Notify Me', context);
		case 'notification_messages':
			return optInCard(payload.title || 'Updates and promotions', 'Get messages from this Page about this topic. You can stop them any time.', ctaLabel(payload.notification_messages_cta_text), context, payload.image_url);
		case 'button':
			return card(payload.text, el('p', { class: 'card-message' }, payload.text), buttons(payload.buttons, context.actions));
		case 'generic':
			return el('div', { class: 'carousel' }, (payload.elements ?? []).map((element) => card(element.title, el('p', { class: 'card-title' }, element.title), element.subtitle ? el('p', { class: 'card-text' }, element.subtitle) : null, buttons(element.buttons, context.actions))));
		default:
			return el('div', { class: 'bubble theirs' }, `${payload.template_type} template`);
	}
}

/** An opt-in request; the emulator can answer only the last one the subscriber received. */
function optInCard(title, hint, buttonLabel, context, imageUrl) {
	const isLastRequest = context.messageId === context.lastRequestId;
	return card(
		`Opt-in request: ${title}`,
		imageUrl ? el('div', { class: 'card-image', title: imageUrl }, 'image') : null,
		el('p', { class: 'card-title' }, title),
		el('p', { class: 'card-text' }, hint),
		el(
			'div',
			{ class: 'card-buttons' },
			el('button', { type: 'button', class: 'card-button', disabled: !isLastRequest, title: isLastRequest ? null : 'The emulator answers only the last opt-in request', onclick: () => context.actions.notifyMe() }, buttonLabel),
		),
	);
}

function card(label, ...children) {
	return el('div', { class: 'card', role: 'group', 'aria-label': label }, ...children);
}

function buttons(list, actions) {
	if (!Array.isArray(list) || list.length === 0) return null;
	return el(
		'div',
		{ class: 'card-buttons' },
		list.map((button) => {
			if (button.type === 'postback') return el('button', { type: 'button', class: 'card-button', onclick: () => actions.postback(button.payload, button.title) }, button.title);
			const safeUrl = /^https?:\/\//.test(button.url ?? '') ? button.url : null;
			return el('a', { class: 'card-button', href: safeUrl, target: '_blank', rel: 'noopener noreferrer' }, button.title);
		}),
	);
}

/** Quick replies stay tappable only under the newest message, as in Messenger. */
function quickReplies(list, actions) {
	if (!Array.isArray(list) || list.length === 0) return null;
	return el(
		'div',
		{ class: 'quick-replies', role: 'group', 'aria-label': 'Quick replies' },
		list.map((reply) => {
			const title = reply.title ?? reply.content_type;
			return el('button', { type: 'button', class: 'chip', onclick: () => actions.quickReply(reply.payload ?? title, title) }, title);
		}),
	);
}

function fileName(url) {
	if (typeof url !== 'string') return '';
	return url.split('/').pop() || url;
}
