/**
 * A private PostgreSQL server for a test (throwaway-postgres.sh does the work, installing
 * Debian's package first when needed):
 *
 *   const pg = await startThrowawayPostgres();
 *   pg.query('SELECT 1');          // psql over TCP with the server's password login
 *   pg.stop();                     // stops it and removes its folder
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '../n8n/ports';

const SCRIPT = join(__dirname, 'throwaway-postgres.sh');

export interface ThrowawayPostgres {
	host: string;
	port: number;
	user: string;
	password: string;
	database: string;
	/** Runs SQL with psql; returns its unaligned output (rows by line, columns by "|"). */
	query(sql: string): string;
	stop(): void;
}

export async function startThrowawayPostgres(database = 'otn_test'): Promise<ThrowawayPostgres> {
	// Under the OS temp dir, which the server's own user can reach when the tests run as root.
	const dir = mkdtempSync(join(tmpdir(), 'otn-postgres-'));
	const port = await freePort();
	const user = 'otn';
	const password = randomBytes(12).toString('hex');
	execFileSync('bash', [SCRIPT, 'start', dir, String(port), user, password, database], { stdio: ['ignore', 'inherit', 'inherit'] });
	return {
		host: '127.0.0.1',
		port,
		user,
		password,
		database,
		query(sql: string): string {
			return execFileSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', database, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql], {
				env: { ...process.env, PGPASSWORD: password },
				encoding: 'utf8',
			}).trim();
		},
		stop(): void {
			execFileSync('bash', [SCRIPT, 'stop', dir], { stdio: 'inherit' });
		},
	};
}

type DatabaseAddress = Pick<ThrowawayPostgres, 'host' | 'port' | 'database' | 'user' | 'password'>;

/** n8n's Postgres credential for a local database like this one (no TLS). */
export function postgresCredentialData({ host, port, database, user, password }: DatabaseAddress): Record<string, unknown> {
	return { host, port, database, user, password, ssl: 'disable', allowUnauthorizedCerts: false, maxConnections: 10 };
}

/**
 * Token rows into otn_tokens through psql, a few rows per statement: psql takes the statement as one
 * argument, which Linux caps at 128 KB.
 */
export function insertTokenRowsWithPsql(query: (sql: string) => unknown, rows: object[], rowsPerStatement: number): void {
	for (let first = 0; first < rows.length; first += rowsPerStatement) {
		const json = JSON.stringify(rows.slice(first, first + rowsPerStatement)).replace(/'/g, "''");
		query(`INSERT INTO otn_tokens SELECT * FROM json_populate_recordset(null::otn_tokens, '${json}')`);
	}
}
