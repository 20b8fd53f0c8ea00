/**
 * One n8n per contestant, all on one user folder: V8 keeps the heap a big run has grown, so a
 * contestant that followed another in the same process would inherit its memory. The package is
 * installed on the first start only; the folder goes when the benchmark ends.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type RunningN8n, startN8n } from '../../scripts/n8n/harness';

export class FreshN8n {
	private readonly userFolder = mkdtempSync(join(tmpdir(), 'n8n-bench-broadcast-'));
	private readonly encryptionKey = randomBytes(24).toString('hex');
	private installed = false;
	private running: RunningN8n | undefined;

	constructor(private readonly tarball: string) {}

	/** Stops the current n8n, if any, and starts a new one. */
	async restart(): Promise<RunningN8n> {
		await this.stop();
		this.running = await startN8n({
			tarball: this.installed ? undefined : this.tarball,
			userFolder: this.userFolder,
			encryptionKey: this.encryptionKey,
			logFile: join(this.userFolder, 'n8n.log'),
		});
		this.installed = true;
		return this.running;
	}

	async stop(): Promise<void> {
		const running = this.running;
		this.running = undefined;
		await running?.stop();
	}

	/** Stops n8n and removes its folder. */
	async dispose(): Promise<void> {
		try {
			await this.stop();
		} finally {
			rmSync(this.userFolder, { recursive: true, force: true });
		}
	}
}
