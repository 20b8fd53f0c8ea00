import { el } from './dom.js';
import { plural, shortId } from './format.js';

/**
 * The Page's subscribers, each a button that opens their conversation, with how many tokens they
 * hold and how many promotions reached them, so a broadcast can be watched arriving.
 */
export function subscriberItems({ subscribers, tokens, deliveries, selectedPsid, onSelect }) {
	return subscribers.map((subscriber) => {
		const available = tokens.filter((token) => token.psid === subscriber.psid && token.status === 'available').length;
		const promotions = deliveries.filter((delivery) => delivery.psid === subscriber.psid && delivery.via !== 'psid').length;
		const selected = subscriber.psid === selectedPsid;
		return el(
			'li',
			{},
			el(
				'button',
				{ type: 'button', class: selected ? 'subscriber selected' : 'subscriber', 'aria-current': selected ? 'true' : null, onclick: () => onSelect(subscriber.psid) },
				el('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(subscriber.name)),
				el(
					'span',
					{ class: 'who' },
					el('span', { class: 'name' }, subscriber.name),
					el(
						'span',
						{ class: 'counts' },
						el('span', { class: 'psid' }, `PSID ${shortId(subscriber.psid)}`),
						available > 0 ? el('span', { class: 'badge available' }, plural(available, 'token')) : null,
						promotions > 0 ? el('span', { class: 'badge promotion-badge' }, plural(promotions, 'promotion')) : null,
					),
				),
			),
		);
	});
}

function initials(name) {
	return name
		.split(/\s+/)
		.filter(Boolean)
		.slice(0, 2)
		.map((word) => word[0].toUpperCase())
		.join('');
}
