import type { Classification } from './errorTable';
import type { GraphError } from './graphError';

/** What one send through either client came to: Meta's ids, or the error with its class. */
export type SendOutcome =
	| { ok: true; messageId: string; recipientId?: string }
	| ({ ok: false; error: GraphError; mayHaveBeenDelivered: boolean } & Classification);
