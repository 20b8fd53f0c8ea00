import { api } from './api.js';
import { conversationItems } from './conversation.js';
import { el } from './dom.js';
import { durationText, shortId, timeOf, windowText } from './format.js';
import { subscriberItems } from './subscribers.js';
import { tokenRows } from './tokens.js';

/**
 * The page's state and wiring: which Page and subscriber are open (kept in the address, so a
 * reload keeps them), a refresh every POLL_MS, and the buttons that act as the subscriber.
 */

const POLL_MS = 1000;
const $ = (id) => document.getElementById(id);

const selection = readSelection();
// What each part was last drawn from: a part is redrawn only when its data changed, so polling
// never disturbs a button under the pointer.
const drawn = new Map();
// One refresh at a time; a call during one asks for another right after it.
let running = null;
let again = false;

function readSelection() {
	const params = new URLSearchParams(location.hash.slice(1));
	return { pageId: params.get('page'), psid: params.get('psid') };
}

function saveSelection() {
	const params = new URLSearchParams();
	if (selection.pageId) params.set('page', selection.pageId);
	if (selection.psid) params.set('psid', selection.psid);
	history.replaceState(null, '', `#${params}`);
}

function drawIfChanged(part, data, draw) {
	const key = JSON.stringify(data);
	if (drawn.get(part) === key) return;
	drawn.set(part, key);
	draw();
}

function refresh() {
	if (running) {
		again = true;
		return running;
	}
	running = (async () => {
		do {
			again = false;
			await refreshOnce();
		} while (again);
		running = null;
	})();
	return running;
}

async function refreshOnce() {
	try {
		const [pages, clock] = await Promise.all([api.pages(), api.clock()]);
		drawClock(clock);
		drawPages(pages);
		if (!selection.pageId) return;
		const { pageId } = selection;
		const [subscribers, tokens, deliveries] = await Promise.all([api.subscribers(pageId), api.tokens(pageId), api.deliveries(pageId)]);
		if (selection.psid && !subscribers.some((subscriber) => subscriber.psid === selection.psid)) {
			selection.psid = null;
			saveSelection();
		}
		drawSubscribers(subscribers, tokens, deliveries);
		const view = selection.psid ? await api.conversation(pageId, selection.psid) : null;
		drawConversation(view, clock.now);
		drawTokens(tokens.filter((token) => token.psid === selection.psid));
		showProblem(null, 'refresh');
	} catch (error) {
		showProblem(`The emulator is not answering: ${error.message}`, 'refresh');
	}
}

function drawClock(clock) {
	const ahead = clock.offsetMs > 0 ? ` (moved ${durationText(clock.offsetMs)} ahead)` : '';
	$('clock').textContent = `Emulator clock ${timeOf(clock.now)}${ahead}`;
}

function drawPages(pages) {
	if (!pages.some((page) => page.pageId === selection.pageId)) {
		selection.pageId = pages[0]?.pageId ?? null;
		selection.psid = null;
		saveSelection();
	}
	drawIfChanged('pages', { pages, pageId: selection.pageId }, () => {
		$('page-select').replaceChildren(
			...pages.map((page) => el('option', { value: page.pageId, selected: page.pageId === selection.pageId }, `${page.name} · Page ${page.pageId} · app ${page.appId}`)),
		);
	});
}

function drawSubscribers(subscribers, tokens, deliveries) {
	const counts = { subscribers, tokens: tokens.map(({ psid, status }) => ({ psid, status })), deliveries: deliveries.map(({ psid, via }) => ({ psid, via })), psid: selection.psid };
	drawIfChanged('subscribers', counts, () => {
		$('subscriber-list').replaceChildren(...subscriberItems({ subscribers, tokens, deliveries, selectedPsid: selection.psid, onSelect: select }));
		$('no-subscribers').hidden = subscribers.length > 0;
	});
}

function drawConversation(view, now) {
	$('actions').hidden = !view;
	$('no-conversation').hidden = Boolean(view);
	$('chat-heading').textContent = view ? `Conversation with ${view.subscriber.name}` : 'Conversation';
	$('chat-details').textContent = view ? `PSID ${shortId(view.subscriber.psid)} · ${windowText(view.subscriber.lastUserActionAt, now)}` : '';
	drawIfChanged('conversation', view, () => {
		const list = $('conversation');
		list.replaceChildren(...(view ? conversationItems(view, subscriberActions) : []));
		list.scrollTop = list.scrollHeight;
	});
}

function drawTokens(tokens) {
	drawIfChanged('tokens', { tokens, psid: selection.psid }, () => {
		$('token-rows').replaceChildren(...tokenRows(tokens, tokenActions));
		$('token-table').hidden = tokens.length === 0;
		$('no-tokens').hidden = tokens.length > 0;
		$('tokens-heading').textContent = tokens.length > 0 ? `Tokens (${tokens.length})` : 'Tokens';
	});
}

function select(psid) {
	selection.psid = psid;
	saveSelection();
	return refresh();
}

/** Runs one action as the subscriber, says what happened, and shows its effect at once. */
async function act(describe, action) {
	try {
		const result = await action();
		showNotice(describe(result));
		showProblem(null, 'action');
	} catch (error) {
		showNotice('');
		showProblem(error.message, 'action');
	}
	await refresh();
}

const subscriberActions = {
	notifyMe: () => act((result) => `Tapped Notify Me: new ${result.token.type === 'one_time' ? 'one-time' : 'marketing'} token.`, () => api.tapNotifyMe(selection.pageId, selection.psid)),
	postback: (payload, title) => act(() => `Tapped “${title ?? payload}”.`, () => api.tapPostback(selection.pageId, selection.psid, payload, title)),
	quickReply: (payload, title) => act(() => `Tapped “${title}”.`, () => api.tapQuickReply(selection.pageId, selection.psid, payload, title)),
};

const tokenActions = {
	stop: (token) => act(() => 'Stopped marketing messages on this topic.', () => api.stopMarketing(selection.pageId, token)),
	resume: (token) => act(() => 'Resumed marketing messages on this topic.', () => api.resumeMarketing(selection.pageId, token)),
};

function showNotice(text) {
	$('notice').textContent = text;
}

/** A failed action stays shown until the next action; a failed refresh until one succeeds. */
function showProblem(text, source) {
	const problem = $('problem');
	if (!text && problem.dataset.source !== source) return;
	problem.dataset.source = source;
	problem.hidden = !text;
	problem.textContent = text ?? '';
}

function wireForms() {
	window.addEventListener('hashchange', () => {
		Object.assign(selection, readSelection());
		refresh();
	});
	$('page-select').addEventListener('change', (event) => {
		selection.pageId = event.target.value;
		selection.psid = null;
		saveSelection();
		refresh();
	});
	$('add-subscriber').addEventListener('submit', (event) => {
		event.preventDefault();
		const input = $('new-subscriber-name');
		act(
			(subscriber) => {
				input.value = '';
				selection.psid = subscriber.psid;
				saveSelection();
				return `Added ${subscriber.name}.`;
			},
			() => api.addSubscriber(selection.pageId, input.value.trim()),
		);
	});
	$('send-message').addEventListener('submit', (event) => {
		event.preventDefault();
		const input = $('message-text');
		act(
			() => {
				input.value = '';
				return 'Sent.';
			},
			() => api.sendMessage(selection.pageId, selection.psid, input.value),
		);
	});
	$('tap-postback').addEventListener('submit', (event) => {
		event.preventDefault();
		const payload = $('postback-payload').value.trim();
		const title = $('postback-title').value.trim();
		subscriberActions.postback(payload, title || undefined);
	});
	$('mark-read').addEventListener('click', () => act(() => 'Marked everything as read.', () => api.markRead(selection.pageId, selection.psid)));
}

wireForms();
refresh();
setInterval(refresh, POLL_MS);
