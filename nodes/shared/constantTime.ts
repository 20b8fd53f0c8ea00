import { createHash, timingSafeEqual } from 'crypto';

/**
 * Compares two secrets in constant time. Both sides are hashed first, so neither their content
 * nor their length leaks through timing.
 */
export function constantTimeEqual(a: string | Buffer, b: string | Buffer): boolean {
	const digestA = createHash('sha256').update(a).digest();
	const digestB = createHash('sha256').update(b).digest();
	return timingSafeEqual(digestA, digestB);
}
