/** Every webhook POST attempt and every alert, for tests and the demo to read. */

export type AttemptFailure = 'http_status' | 'timeout' | 'connection';

export interface WebhookAttempt {
	id: number;
	/** One POST body; its retries and duplicates share the id. */
	deliveryId: number;
	appId: string;
	callbackUrl: string;
	/** 1 for the first try of this body, counting retries and duplicates. */
	attempt: number;
	/** Sent again after a 200, same body and signature. */
	duplicate: boolean;
	/** Emulator clock when it was sent. */
	at: number;
	/** `delivered`: answered 200 in time; anything else `failed`. */
	status: 'delivered' | 'failed';
	responseCode: number | null;
	failure?: AttemptFailure;
	error?: string;
	/** Real time it took, ms. */
	durationMs: number;
	eventIds: number[];
	pageIds: string[];
	fields: string[];
	body: string;
	signature: string;
}

export type WebhookAlertKind = 'webhooks_failing' | 'webhooks_disabled';

export interface WebhookAlert {
	appId: string;
	kind: WebhookAlertKind;
	/** Emulator clock: the moment the rule was met (15 min or 1 h after the first failure). */
	at: number;
	callbackUrl: string;
	message: string;
}

export class DeliveryLog {
	private readonly attempts: WebhookAttempt[] = [];
	private readonly alerts: WebhookAlert[] = [];
	private nextId = 1;

	addAttempt(attempt: Omit<WebhookAttempt, 'id'>): WebhookAttempt {
		const stored = { id: this.nextId++, ...attempt };
		this.attempts.push(stored);
		return stored;
	}

	addAlert(alert: WebhookAlert): void {
		this.alerts.push(alert);
	}

	listAttempts(appId?: string, afterId = 0): WebhookAttempt[] {
		return this.attempts.filter((attempt) => (appId === undefined || attempt.appId === appId) && attempt.id > afterId);
	}

	listAlerts(appId?: string): WebhookAlert[] {
		return this.alerts.filter((alert) => appId === undefined || alert.appId === appId);
	}

	get lastId(): number {
		return this.nextId - 1;
	}

	clear(): void {
		this.attempts.length = 0;
		this.alerts.length = 0;
	}
}
