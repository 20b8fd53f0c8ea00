/**
 * A private Redis server for a test or a queue-mode n8n (throwaway-redis.sh does the work,
 * installing Debian's package first when needed):
 *
 *   const redis = await startThrowawayRedis();   // 127.0.0.1:<free port>, no persistence
 *   redis.stop();                                 // stops it and removes its folder
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '../n8n/ports';

const SCRIPT = join(__dirname, 'throwaway-redis.sh');

export interface ThrowawayRedis {
	host: string;
	port: number;
	/** The server's folder (pid file, log); removed by stop(). */
	dir: string;
	stop(): void;
}

export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
	const dir = mkdtempSync(join(tmpdir(), 'otn-redis-'));
	const port = await freePort();
	execFileSync('bash', [SCRIPT, 'start', dir, String(port)], { stdio: ['ignore', 'inherit', 'inherit'] });
	return {
		host: '127.0.0.1',
		port,
		dir,
		stop(): void {
			execFileSync('bash', [SCRIPT, 'stop', dir], { stdio: 'inherit' });
		},
	};
}
