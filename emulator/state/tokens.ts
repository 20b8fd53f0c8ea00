import { ONE_TIME_TOKEN_LIFETIME_MS } from '../core/durations';
import { newMarketingToken, newOneTimeToken } from '../core/ids';

/** Opt-in tokens the emulator issued: one-time (docs/meta-platform.md §1.6) and marketing (§2.3–§2.5). */

export type TokenType = 'one_time' | 'marketing';

/** Title Meta uses when a notification_messages request has none (docs/meta-platform.md §2.2). */
export const DEFAULT_MARKETING_TITLE = 'Updates and promotions';

interface TokenBase {
	token: string;
	pageId: string;
	psid: string;
	payload: string;
	title: string;
	createdAt: number;
	/** Issue order, the stable cursor of the token listing. */
	seq: number;
}

export interface OneTimeTokenRecord extends TokenBase {
	type: 'one_time';
	expiresAt: number;
	usedAt: number | null;
	messageId: string | null;
}

export interface MarketingTokenRecord extends TokenBase {
	type: 'marketing';
	timezone: string;
	lastSentAt: number | null;
	nextEligibleAt: number | null;
	stoppedAt: number | null;
	/** Set through the control API: Meta's tokens no longer expire (§2.1), but the paid API names the error (2300037). */
	expiredAt: number | null;
	/** Stopped by the Page's unsubscribe call (docs/meta-platform.md §3.2) rather than by the subscriber. */
	unsubscribedAt: number | null;
}

export type TokenRecord = OneTimeTokenRecord | MarketingTokenRecord;

export interface IssueTokenInput {
	pageId: string;
	psid: string;
	type: TokenType;
	payload?: string;
	title?: string;
	timezone?: string;
}

export class Tokens {
	private readonly byToken = new Map<string, TokenRecord>();
	private nextSeq = 1;

	issue(input: IssueTokenInput, now: number): TokenRecord {
		const base = { pageId: input.pageId, psid: input.psid, payload: input.payload ?? '', createdAt: now, seq: this.nextSeq++ };
		const record: TokenRecord =
			input.type === 'one_time'
				? { ...base, type: 'one_time', token: this.unused(newOneTimeToken), title: input.title ?? '', expiresAt: now + ONE_TIME_TOKEN_LIFETIME_MS, usedAt: null, messageId: null }
				: { ...base, type: 'marketing', token: this.unused(newMarketingToken), title: input.title || DEFAULT_MARKETING_TITLE, timezone: input.timezone ?? 'UTC', lastSentAt: null, nextEligibleAt: null, stoppedAt: null, expiredAt: null, unsubscribedAt: null };
		this.byToken.set(record.token, record);
		return record;
	}

	find(token: string): TokenRecord | undefined {
		return this.byToken.get(token);
	}

	listForPage(pageId: string): TokenRecord[] {
		return [...this.byToken.values()].filter((record) => record.pageId === pageId).sort((a, b) => a.seq - b.seq);
	}

	clear(): void {
		this.byToken.clear();
	}

	private unused(generate: () => string): string {
		let token = generate();
		while (this.byToken.has(token)) token = generate();
		return token;
	}
}
