/**
 * The compatibility matrix: for each n8n version, install it (once, cached under .cache/) and run the
 * end-to-end subset against it, with the packed package installed as users install it.
 *
 *   npm run test:compat                 the matrix versions, each with its tests (scripts/compat/matrix.ts)
 *   npm run test:compat -- 2.40.7       the given versions only, with the matrix's tests or else the full subset
 *   npm run test:compat -- --full       every test of the subset in every version, whatever the matrix leaves out
 *
 * The versions not installed yet are installed side by side (an install mostly waits on the npm
 * registry and the disk); then each version's subset runs alone, one after the other, because each
 * n8n with its tests takes both of a 2-core machine's cores and the tests are sensitive to timing.
 * Prints a table of install time and result per version; exits 1 if any version failed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';

import { FULL_SUBSET, MATRIX } from './compat/matrix';
import { N8N_VERSION_VARIABLE, repoRoot } from './n8n/runtime';

interface Install {
	ok: boolean;
	seconds: number;
}

interface Outcome {
	version: string;
	install: Install;
	testSeconds: number;
	passed: boolean;
}

const since = (started: number) => Math.round((Date.now() - started) / 1000);
const versionEnv = (version: string) => ({ ...process.env, [N8N_VERSION_VARIABLE]: version });

/** Installs one version (a no-op when it is installed), its output prefixed with the version, as installs run side by side. */
function install(version: string): Promise<Install> {
	const started = Date.now();
	const child = spawn('npx', ['tsx', 'scripts/n8n/install.ts'], { cwd: repoRoot, env: versionEnv(version), stdio: ['ignore', 'pipe', 'pipe'] });
	for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => console.log(`[n8n ${version}] ${line}`));
	return new Promise((resolve) => {
		child.on('error', () => resolve({ ok: false, seconds: since(started) }));
		child.on('close', (code) => resolve({ ok: code === 0, seconds: since(started) }));
	});
}

function runSubset(version: string): { passed: boolean; seconds: number } {
	console.log(`\n=== n8n ${version} ===`);
	const tests = (!full && MATRIX.find((entry) => entry.version === version)?.tests) || FULL_SUBSET;
	const started = Date.now();
	const result = spawnSync('npx', ['jest', '--selectProjects', 'e2e', '--runInBand', '--runTestsByPath', ...tests], { cwd: repoRoot, stdio: 'inherit', env: versionEnv(version) });
	return { passed: result.status === 0, seconds: since(started) };
}

async function main(versions: string[]): Promise<Outcome[]> {
	const installing = Date.now();
	const installs = await Promise.all(versions.map(install));
	console.log(`\nInstalls, side by side: ${since(installing)} s`);
	return versions.map((version, index) => {
		const installed = installs[index];
		if (!installed.ok) return { version, install: installed, testSeconds: 0, passed: false };
		const subset = runSubset(version);
		return { version, install: installed, testSeconds: subset.seconds, passed: subset.passed };
	});
}

const args = process.argv.slice(2);
const full = args.includes('--full');
const named = args.filter((arg) => arg !== '--full');
const started = Date.now();

main(named.length ? named : MATRIX.map((entry) => entry.version)).then((outcomes) => {
	console.log('\n| n8n | install | subset |\n| --- | --- | --- |');
	for (const outcome of outcomes) {
		const result = !outcome.install.ok ? 'did not install' : `${outcome.passed ? 'passed' : 'FAILED'} (${outcome.testSeconds} s)`;
		console.log(`| ${outcome.version} | ${outcome.install.seconds} s | ${result} |`);
	}
	console.log(`\nThe matrix took ${since(started)} s.`);
	if (outcomes.some((outcome) => !outcome.passed)) process.exit(1);
});
