import { newFbtraceId } from '../core/ids';

/** One Graph error as the emulator answers it: HTTP status plus the docs/meta-platform.md §4.5 envelope. */
export interface GraphErrorSpec {
	status: number;
	code: number;
	subcode?: number;
	type: string;
	message: string;
}

export interface GraphErrorBody {
	error: {
		message: string;
		type: string;
		code: number;
		error_subcode?: number;
		fbtrace_id: string;
	};
}

/** Thrown anywhere in a Graph handler; the pipeline turns it into the response. */
export class GraphError extends Error {
	constructor(readonly spec: GraphErrorSpec) {
		super(spec.message);
	}
}

/** Every body gets a fresh fbtrace_id, as Meta's do. */
export function graphErrorBody(spec: GraphErrorSpec): GraphErrorBody {
	const subcode = spec.subcode === undefined ? {} : { error_subcode: spec.subcode };
	return { error: { message: spec.message, type: spec.type, code: spec.code, ...subcode, fbtrace_id: newFbtraceId() } };
}
