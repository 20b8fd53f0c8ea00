import { backoffDelay } from '../../../nodes/shared/broadcast/retryBackoff';

describe('retry backoff', () => {
	it('doubles its ceiling per attempt, stays within it, and is capped', () => {
		const options = { baseMs: 500, maxMs: 4000 };
		expect(backoffDelay(1, () => 0, options)).toBe(250);
		expect(backoffDelay(1, () => 1, options)).toBe(500);
		expect(backoffDelay(3, () => 1, options)).toBe(2000);
		expect(backoffDelay(10, () => 1, options)).toBe(4000);
		expect(backoffDelay(10, () => 0, options)).toBe(2000);
	});
});
