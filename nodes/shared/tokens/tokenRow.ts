/**
 * The token row (README, "The token row"): the one contract between the nodes and any store.
 * Flat, only strings and ISO dates, null where unknown (a Data Table date column refuses an empty
 * string).
 */

export const TOKEN_STATUSES = ['available', 'used', 'expired', 'revoked', 'failed'] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

export const TOKEN_TYPES = ['one_time', 'marketing'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

export type TokenRow = {
	/** tokenIdOf(token): the key every store matches on. */
	tokenId: string;
	/** Null only when a store query left the column out; Select for Broadcast refuses such rows. */
	token: string | null;
	tokenType: TokenType;
	pageId: string;
	psid: string;
	topic: string | null;
	title: string | null;
	timezone: string | null;
	optedInAt: string | null;
	expiresAt: string | null;
	status: TokenStatus;
	lastSentAt: string | null;
	nextEligibleAt: string | null;
	campaign: string | null;
	messageId: string | null;
	deliveredAt: string | null;
	readAt: string | null;
	clickedAt: string | null;
	error: string | null;
	/**
	 * The variant (A to D) of the last send, when its campaign had variants. Optional: present only
	 * where the store has the column or the broadcast used variants, so older tables keep working.
	 */
	variant?: string | null;
};

/** Every column, in the order of the README's token row table (and of the templates and the Postgres DDL). */
export const TOKEN_ROW_COLUMNS = [
	'tokenId',
	'token',
	'tokenType',
	'pageId',
	'psid',
	'topic',
	'title',
	'timezone',
	'optedInAt',
	'expiresAt',
	'status',
	'lastSentAt',
	'nextEligibleAt',
	'campaign',
	'messageId',
	'deliveredAt',
	'readAt',
	'clickedAt',
	'error',
] as const satisfies ReadonlyArray<keyof TokenRow>;

/** Columns a store needs only for a feature: `variant` for OTN Broadcast's Variants (A/B). */
export const OPTIONAL_TOKEN_ROW_COLUMNS = ['variant'] as const satisfies ReadonlyArray<keyof TokenRow>;

export const TOKEN_ROW_DATE_COLUMNS = [
	'optedInAt',
	'expiresAt',
	'lastSentAt',
	'nextEligibleAt',
	'deliveredAt',
	'readAt',
	'clickedAt',
] as const satisfies ReadonlyArray<keyof TokenRow>;
