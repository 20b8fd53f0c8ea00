/** A message that breaks one of Meta's rules, found before any call. */
export interface MessageProblem {
	/** Which field, in words a user finds in the editor, e.g. "Quick reply 3 title". */
	field: string;
	/** What Messenger allows there, e.g. "at most 20 characters". */
	limit: string;
	/** The whole sentence, e.g. "Quick reply 3 title has 24 characters; Messenger allows at most 20 characters". */
	message: string;
}

/** A built message, or every problem that keeps it from being sent. */
export type Built<T> = { ok: true; message: T } | { ok: false; problems: MessageProblem[] };

/** The message when no problem was found, else the problems. */
export function builtUnlessProblems<T>(problems: MessageProblem[], build: () => T): Built<T> {
	return problems.length > 0 ? { ok: false, problems } : { ok: true, message: build() };
}
