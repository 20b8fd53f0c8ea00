/**
 * sqlite3's native addon for Node 24 takes minutes to compile (more on a busy machine), and every n8n
 * version here uses the same sqlite3. The addon is built against Node-API, so one built by another
 * runtime under .cache/ for the same sqlite3 and Node versions is copied instead of compiled again.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ADDON = join('build', 'Release', 'node_sqlite3.node');

function sqliteVersion(n8nInstallDir: string): string | undefined {
	const file = join(n8nInstallDir, 'node_modules', 'sqlite3', 'package.json');
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : undefined;
}

/** The addon of a complete runtime (its stamp written) with the same sqlite3 and Node, if any. */
function builtAddonElsewhere(cacheDir: string, n8nInstallDir: string, nodeVersion: string): string | undefined {
	const wanted = sqliteVersion(n8nInstallDir);
	if (!wanted || !existsSync(cacheDir)) return undefined;
	for (const entry of readdirSync(cacheDir)) {
		const other = join(cacheDir, entry);
		const stamp = join(other, 'installed.json');
		const otherN8n = join(other, 'n8n');
		if (otherN8n === n8nInstallDir || !existsSync(stamp)) continue;
		if ((JSON.parse(readFileSync(stamp, 'utf8')) as { node?: string }).node !== nodeVersion) continue;
		const addon = join(otherN8n, 'node_modules', 'sqlite3', ADDON);
		if (sqliteVersion(otherN8n) === wanted && existsSync(addon)) return addon;
	}
	return undefined;
}

/** Copies a matching addon into this runtime's sqlite3; returns where it came from, or undefined. */
export function reuseSqliteBuild(cacheDir: string, n8nInstallDir: string, nodeVersion: string): string | undefined {
	const source = builtAddonElsewhere(cacheDir, n8nInstallDir, nodeVersion);
	if (!source) return undefined;
	const target = join(n8nInstallDir, 'node_modules', 'sqlite3', ADDON);
	mkdirSync(dirname(target), { recursive: true });
	copyFileSync(source, target);
	return source;
}
