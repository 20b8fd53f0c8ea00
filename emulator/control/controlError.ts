/** A control API refusal: HTTP status and a message, answered as `{ error: { message } }`. */
export class ControlError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

export const badRequest = (message: string): ControlError => new ControlError(400, message);
export const notFound = (message: string): ControlError => new ControlError(404, message);
