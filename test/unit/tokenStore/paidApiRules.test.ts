import { PAID_API_MIN_INTERVAL_MS, paidApiEligibility, paidApiEligibleAt } from '../../../nodes/shared/tokens/paidApiRules';
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
		expect(paidApiEligibility(marketing(), NOW)).toEqual({ eligible: true });
	});

	it('holds a token sent less than 12 hours ago until 12 hours after that send', () => {
		const row = marketing({ lastSentAt: ago(11 * HOUR) });
		expect(paidApiEligibility(row, NOW)).toEqual({
			eligible: false,
			reason: 'waiting',
			eligibleAt: ahead(HOUR),
			meaning: `Meta allows one paid marketing message per 12 hours per subscriber: the next one can go at ${ahead(HOUR)}`,
		});
		expect(paidApiEligibility(marketing({ lastSentAt: ago(12 * HOUR) }), NOW)).toEqual({ eligible: true });
	});

	it('waits for nextEligibleAt when it comes later (a frequency cap, or a legacy cool-down)', () => {
		const row = marketing({ lastSentAt: ago(13 * HOUR), nextEligibleAt: ahead(5 * HOUR) });
		expect(paidApiEligibleAt(row)?.toISOString()).toBe(ahead(5 * HOUR));
		expect(paidApiEligibility(row, NOW)).toMatchObject({ eligible: false, reason: 'waiting', eligibleAt: ahead(5 * HOUR) });
		expect(paidApiEligibleAt(marketing({ lastSentAt: ago(HOUR), nextEligibleAt: ago(2 * HOUR) }))?.toISOString()).toBe(ahead(11 * HOUR));
	});

	it('never sends one-time tokens, or tokens that are not available or have expired, through the paid API', () => {
		expect(paidApiEligibility(tokenRow('o'), NOW)).toMatchObject({ eligible: false, reason: 'notMarketing', eligibleAt: null });
		expect(paidApiEligibility(marketing({ status: 'revoked' }), NOW)).toMatchObject({ eligible: false, reason: 'notAvailable', meaning: 'The token is revoked' });
		expect(paidApiEligibility(marketing({ expiresAt: ago(1) }), NOW)).toMatchObject({ eligible: false, reason: 'expired' });
	});

	it('reads an unreadable date as no date', () => {
		expect(paidApiEligibleAt(marketing({ lastSentAt: 'not a date' }))).toBeNull();
	});
});
