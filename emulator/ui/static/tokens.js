import { el } from './dom.js';
import { dateTimeOf, shortToken, STATUS_LABELS } from './format.js';

/**
 * One subscriber's tokens with where each stands now. Marketing tokens can be stopped and
 * resumed, as the subscriber does from Messenger's "Stop messages" (docs/meta-platform.md §2.3).
 *
 * `actions`: { stop(token), resume(token) }.
 */
export function tokenRows(tokens, actions) {
	return tokens.map((token) => {
		const topic = token.title || token.payload;
		return el(
			'tr',
			{},
			el('td', { title: token.payload ? `payload ${token.payload}` : null }, el('span', { class: 'topic' }, topic), el('span', { class: 'kind' }, token.type === 'one_time' ? 'One-time' : 'Marketing')),
			el('td', {}, el('code', { title: token.token }, shortToken(token.token))),
			el('td', {}, el('span', { class: `status ${token.status}`, title: statusDetail(token) }, STATUS_LABELS[token.status] ?? token.status)),
			el('td', {}, marketingAction(token, topic, actions)),
		);
	});
}

function marketingAction(token, topic, actions) {
	if (token.type !== 'marketing') return null;
	if (token.status === 'stopped') return el('button', { type: 'button', class: 'small', 'aria-label': `Resume messages about ${topic}`, onclick: () => actions.resume(token.token) }, 'Resume');
	return el('button', { type: 'button', class: 'small', 'aria-label': `Stop messages about ${topic}`, onclick: () => actions.stop(token.token) }, 'Stop');
}

function statusDetail(token) {
	if (token.type === 'one_time') return token.usedAt ? `used ${dateTimeOf(token.usedAt)}` : `expires ${dateTimeOf(token.expiresAt)}`;
	if (token.status === 'cooling_down') return `next send from ${dateTimeOf(token.nextEligibleAt)}`;
	return null;
}
