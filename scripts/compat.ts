/**
 * The compatibility matrix: for each n8n version, install it (once, cached under .cache/) and run the
 * end-to-end subset against it, with the packed package installed as users install it.
 *
 *   npm run test:compat                 the matrix versions, each with its tests (scripts/compat/matrix.ts)
 *   npm run test:compat -- 2.40.7       the given versions only, with the matrix's tests or else the full subset
 *   npm run test:compat -- --full       every test of the subset in every version, whatever the matrix leaves out
 *
 * Versions run one after the other: each n8n with its subset takes both of a 2-core machine's cores.
 * Prints a table of install time and result per version; exits 1 if any version failed.
 */
import { spawnSync } from 'node:child_process';

import { FULL_SUBSET, MATRIX } from './compat/matrix';
import { N8N_VERSION_VARIABLE, repoRoot } from './n8n/runtime';

interface Outcome {
	version: string;
	installSeconds: number;
	installed: boolean;
	testSeconds: number;
	passed: boolean;
}

function run(command: string, args: string[], version: string): { ok: boolean; seconds: number } {
	const started = Date.now();
	const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, [N8N_VERSION_VARIABLE]: version } });
	return { ok: result.status === 0, seconds: Math.round((Date.now() - started) / 1000) };
}

function check(version: string): Outcome {
	console.log(`\n=== n8n ${version} ===`);
	const install = run('npx', ['tsx', 'scripts/n8n/install.ts'], version);
	if (!install.ok) return { version, installSeconds: install.seconds, installed: false, testSeconds: 0, passed: false };
	const tests = (!full && MATRIX.find((entry) => entry.version === version)?.tests) || FULL_SUBSET;
	const outcome = run('npx', ['jest', '--selectProjects', 'e2e', '--runInBand', '--runTestsByPath', ...tests], version);
	return { version, installSeconds: install.seconds, installed: true, testSeconds: outcome.seconds, passed: outcome.ok };
}

const args = process.argv.slice(2);
const full = args.includes('--full');
const named = args.filter((arg) => arg !== '--full');
const versions = named.length ? named : MATRIX.map((entry) => entry.version);
const outcomes = versions.map(check);

console.log('\n| n8n | install | subset |\n| --- | --- | --- |');
for (const outcome of outcomes) {
	const result = !outcome.installed ? 'did not install' : `${outcome.passed ? 'passed' : 'FAILED'} (${outcome.testSeconds} s)`;
	console.log(`| ${outcome.version} | ${outcome.installSeconds} s | ${result} |`);
}
if (outcomes.some((outcome) => !outcome.passed)) process.exit(1);
