import type { SeededRandom } from '../core/seededRandom';

/** A roll of the seeded random for a share in percent; 0 and 100 never roll, so they leave the sequence alone. */
export function chance(random: SeededRandom, percent: number): boolean {
	if (percent <= 0) return false;
	if (percent >= 100) return true;
	return random.next() * 100 < percent;
}
