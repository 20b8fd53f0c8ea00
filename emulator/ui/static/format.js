/** Words and short forms the page shows. */

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WINDOW_MS = DAY;

/** Tokens are long; the first and last characters are enough to tell them apart here. */
export function shortToken(token) {
	return token.length > 14 ? `${token.slice(0, 6)}…${token.slice(-4)}` : token;
}

export function shortId(id) {
	return id.length > 8 ? `…${id.slice(-6)}` : id;
}

/** Emulator clock times, which may run ahead of the wall clock. */
export function timeOf(ms) {
	return new Date(ms).toLocaleTimeString('en-GB');
}

export function dateTimeOf(ms) {
	return new Date(ms).toLocaleString('en-GB');
}

export const STATUS_LABELS = {
	available: 'available',
	used: 'used',
	expired: 'expired',
	stopped: 'stopped',
	cooling_down: 'cooling down',
};

export const VIA_LABELS = {
	one_time_notif_token: 'One-time notification',
	notification_messages_token: 'Marketing message',
};

// The button Messenger shows on a marketing opt-in request (docs/meta-platform.md §2.2; GET_UPDATES is the default).
const CTA_LABELS = {
	ALLOW: 'Allow messages',
	FREQUENCY: 'Get daily messages',
	GET: 'Get messages',
	GET_UPDATES: 'Get updates',
	OPT_IN: 'Opt in to messages',
	SIGN_UP: 'Sign up for messages',
};

export function ctaLabel(ctaText) {
	return CTA_LABELS[ctaText] ?? CTA_LABELS.GET_UPDATES;
}

/** The standard 24-hour window (docs/meta-platform.md §4.3), on the emulator clock. */
export function windowText(lastUserActionAt, now) {
	if (lastUserActionAt === null) return '24-hour window closed (the subscriber has not written yet)';
	const left = lastUserActionAt + WINDOW_MS - now;
	return left > 0 ? `24-hour window open for ${durationText(left)}` : '24-hour window closed';
}

export function durationText(ms) {
	const days = Math.floor(ms / DAY);
	const hours = Math.floor((ms % DAY) / HOUR);
	const minutes = Math.floor((ms % HOUR) / MINUTE);
	if (days > 0) return `${days} d ${hours} h`;
	return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
}

export function plural(count, one, many = `${one}s`) {
	return `${count} ${count === 1 ? one : many}`;
}
