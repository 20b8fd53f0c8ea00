/**
 * Installs a packed .tgz into an n8n user folder the way users install community nodes by hand:
 * `npm install <tgz>` inside <userFolder>/.n8n/nodes, so n8n names the node types
 * `<package-name>.<nodeName>`. Peer dependencies (n8n-workflow) are skipped, as n8n's own installer
 * does: n8n lets community packages resolve its own copy.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { runtimeEnv } from './runtime';

export function nodesFolder(userFolder: string): string {
	return join(userFolder, '.n8n', 'nodes');
}

export function installPackageInto(userFolder: string, tarball: string): void {
	const folder = nodesFolder(userFolder);
	mkdirSync(folder, { recursive: true });
	forgetEarlierInstall(join(folder, 'package.json'), packageNameOf(tarball));
	execFileSync(
		'npm',
		['install', tarball, '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund', '--package-lock=false'],
		{ cwd: folder, env: runtimeEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
	);
}

/**
 * A kept user folder (the demo) remembers the tarball of the previous start, which is gone by now;
 * npm would fail to resolve it. Other packages installed there stay as they are.
 */
function forgetEarlierInstall(packageJsonFile: string, packageName: string): void {
	// Without a file, the one n8n writes before its first community-package install.
	const packageJson: { dependencies?: Record<string, string> } = existsSync(packageJsonFile)
		? JSON.parse(readFileSync(packageJsonFile, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	if (packageJson.dependencies) delete packageJson.dependencies[packageName];
	writeFileSync(packageJsonFile, JSON.stringify(packageJson, null, 2));
}

/** The package's name, read from the tarball itself. */
function packageNameOf(tarball: string): string {
	const output = execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' });
	return (JSON.parse(output) as { name: string }).name;
}
