/**
 * What n8n's verification scanner would say about this version, before it is published:
 *
 *   npm run release:check
 *
 * Builds and packs the package, then runs the scanner's own analysis (@n8n/scan-community-package,
 * `analyzePackage`) on both legs it lints after publication: the tarball's compiled JavaScript and
 * package.json, and the sources it would fetch from the commit the npm provenance names
 * (package.json, nodes/, credentials/). Fails on any finding. Runs offline: the scanner's registry
 * steps (the provenance attestation, the download) only exist once the version is published by the
 * publish workflow (.github/workflows/publish.yml).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { packPackage } from './n8n/pack';
import { repoRoot } from './n8n/runtime';

interface ScanResult {
	passed: boolean;
	message?: string;
	details?: string;
}

interface Scanner {
	analyzePackage(packageDir: string, filePatterns?: string[]): Promise<ScanResult>;
	SOURCE_FILE_PATTERNS: string[];
}

/** The scanner ships as plain ES modules without types; this is the part of it used here. */
async function loadScanner(): Promise<Scanner> {
	const entry: string = require.resolve('@n8n/scan-community-package/scanner/scanner.mjs');
	return (await import(entry)) as Scanner;
}

async function main(): Promise<void> {
	const work = mkdtempSync(join(tmpdir(), 'messenger-otn-release-check-'));
	try {
		const tarball = packPackage({ destination: work });
		const unpacked = join(work, 'package');
		mkdirSync(unpacked);
		execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);

		const scanner = await loadScanner();
		const legs: Array<[string, Promise<ScanResult>]> = [
			['packed tarball (dist/**/*.js, package.json)', scanner.analyzePackage(unpacked, ['**/*.js', 'package.json'])],
			[`sources (${scanner.SOURCE_FILE_PATTERNS.join(', ')})`, scanner.analyzePackage(repoRoot, scanner.SOURCE_FILE_PATTERNS)],
		];
		let failed = false;
		for (const [what, pending] of legs) {
			const result = await pending;
			console.log(`${result.passed ? 'passed' : 'FAILED'}: ${what}${result.message ? ` (${result.message})` : ''}`);
			if (result.details) console.log(result.details);
			failed ||= !result.passed;
		}
		if (failed) {
			process.exitCode = 1;
			return;
		}
		console.log("n8n's scanner finds nothing to object to. After publication, provenance is checked too: npx @n8n/scan-community-package <name>@<version>");
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
