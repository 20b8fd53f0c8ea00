import { describeValue } from './rowLabel';
import { type Cell, isProblem } from './rowCells';

/** Why a row cannot be read, naming the column; the message never quotes a token. */
export interface RowProblem {
	column: string;
	message: string;
}

export type RowCheck<T> = { row: T } | { problem: RowProblem };

export function hasProblem<T>(check: RowCheck<T>): check is { problem: RowProblem } {
	return 'problem' in check;
}

/** Thrown while a row is read and caught by `checkRow`, so it never leaves this module. */
class RowProblemSignal {
	constructor(readonly problem: RowProblem) {}
}

export type Raw = Record<string, unknown>;

/** Reads the columns of one row (or the fields of one event); the first unreadable one ends the read. */
export class RowReader {
	constructor(
		private readonly raw: Raw,
		private readonly token?: unknown,
		private readonly noun: 'column' | 'field' = 'column',
	) {}

	cell<T>(column: string, reader: (value: unknown) => Cell<T>): T {
		const cell = reader(this.raw[column]);
		if (isProblem(cell)) {
			this.fail(column, `${this.noun} "${column}" holds ${describeValue(this.raw[column], this.token)}, ${cell.problem}`);
		}
		return (cell as { value: T }).value;
	}

	required<T>(column: string, reader: (value: unknown) => Cell<T | null>): T {
		const value = this.cell(column, reader);
		if (value === null) this.fail(column, `${this.noun} "${column}" is empty`);
		return value as T;
	}

	fail(column: string, message: string): never {
		throw new RowProblemSignal({ column, message });
	}
}

/** Runs a read; anything else that goes wrong still names the row instead of failing the node. */
export function checkRow<T>(read: () => T): RowCheck<T> {
	try {
		return { row: read() };
	} catch (caught) {
		if (caught instanceof RowProblemSignal) return { problem: caught.problem };
		const kind = caught instanceof Error ? caught.name : 'unknown error';
		return { problem: { column: '', message: `it could not be read (${kind})` } };
	}
}
