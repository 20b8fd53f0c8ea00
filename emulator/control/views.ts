import type { TokenRecord } from '../state/tokens';
import type { TokenStatus, TokenView } from './controlTypes';

/** A token with where it stands now on the emulator clock. */
export function tokenView(token: TokenRecord, now: number): TokenView {
	return { ...token, status: tokenStatus(token, now) };
}

function tokenStatus(token: TokenRecord, now: number): TokenStatus {
	if (token.type === 'one_time') {
		if (token.usedAt !== null) return 'used';
		return now >= token.expiresAt ? 'expired' : 'available';
	}
	if (token.expiredAt !== null) return 'expired';
	if (token.stoppedAt !== null) return 'stopped';
	return token.nextEligibleAt !== null && now < token.nextEligibleAt ? 'cooling_down' : 'available';
}
