import { PAID_API_MIN_INTERVAL_MS, paidApiEligibleAt } from '../../../nodes/shared/tokens/paidApiRules';
import { standingOf } from '../../../nodes/shared/tokens/tokenStanding';
import { NOW, tokenRow } from './tokenRows';

const HOUR = 60 * 60 * 1000;
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const ahead = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const marketing = (overrides: Parameters<typeof tokenRow>[1] = {}) => tokenRow('m', { tokenType: 'marketing', expiresAt: null, ...overrides });

describe('the paid API 12-hour rule (docs/meta-platform.md §3.4)', () => {
	it('is 12 hours', () => {
		expect(PAID_API_MIN_INTERVAL_MS).toBe(12 * HOUR);
	});

	it('lets a marketing token that was never sent go at once', () => {
		expect(paidApiEligibleAt(marketing())).toBeNull();
		expect(standingOf(marketing(), NOW, 'paidApi')).toBe('eligible');
	});

	it('holds a token sent less than 12 hours ago until 12 hours after that send', () => {
		const row = marketing({ lastSentAt: ago(11 * HOUR) });
		expect(standingOf(row, NOW, 'paidApi')).toBe('coolingDown');
		expect(paidApiEligibleAt(row)?.toISOString()).toBe(ahead(HOUR));
		expect(standingOf(row, NOW, 'sendApi')).toBe('eligible');
		expect(standingOf(marketing({ lastSentAt: ago(12 * HOUR) }), NOW, 'paidApi')).toBe('eligible');
	});

	it('waits for nextEligibleAt when it comes later (a frequency cap, or a legacy cool-down)', () => {
		const row = marketing({ lastSentAt: ago(13 * HOUR), nextEligibleAt: ahead(5 * HOUR) });
		expect(paidApiEligibleAt(row)?.toISOString()).toBe(ahead(5 * HOUR));
		expect(standingOf(row, NOW, 'paidApi')).toBe('coolingDown');
		expect(paidApiEligibleAt(marketing({ lastSentAt: ago(HOUR), nextEligibleAt: ago(2 * HOUR) }))?.toISOString()).toBe(ahead(11 * HOUR));
	});

	it('never sends one-time tokens, or tokens that are not available or have expired, through the paid API', () => {
		expect(standingOf(tokenRow('o'), NOW, 'paidApi')).toBe('notMarketing');
		expect(standingOf(marketing({ status: 'revoked' }), NOW, 'paidApi')).toBe('spent');
		expect(standingOf(marketing({ expiresAt: ago(1) }), NOW, 'paidApi')).toBe('expired');
	});

	it('reads an unreadable date as no date', () => {
		expect(paidApiEligibleAt(marketing({ lastSentAt: 'not a date' }))).toBeNull();
	});
});
