/**
 * Builds this repository and packs it the way npm would publish it, so n8n loads exactly what
 * users would install (only the files listed in package.json "files").
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { repoRoot } from './runtime';

export interface PackOptions {
	/** Skip `npm run build` when dist/ is known to be fresh. */
	skipBuild?: boolean;
	/** Where the .tgz goes; a new temporary folder by default. */
	destination?: string;
}

/** Runs `npm run build` then `npm pack`; returns the absolute path of the .tgz. */
export function packPackage(options: PackOptions = {}): string {
	if (!options.skipBuild) {
		execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
	}
	const destination = options.destination ?? mkdtempSync(join(tmpdir(), 'messenger-otn-pack-'));
	const output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: repoRoot,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const [packed] = JSON.parse(output) as Array<{ filename: string }>;
	return join(destination, packed.filename);
}
