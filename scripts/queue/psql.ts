/** SQL against any database of a throwaway PostgreSQL server (its own `query` is bound to one database). */
import { execFileSync } from 'node:child_process';

import type { ThrowawayPostgres } from '../postgres/throwawayPostgres';

/** Runs SQL with psql over TCP; returns its unaligned output (rows by line, columns by "|"). */
export function psqlQuery(server: ThrowawayPostgres, database: string, sql: string): string {
	return execFileSync(
		'psql',
		['-h', server.host, '-p', String(server.port), '-U', server.user, '-d', database, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql],
		{ env: { ...process.env, PGPASSWORD: server.password }, encoding: 'utf8' },
	).trim();
}
