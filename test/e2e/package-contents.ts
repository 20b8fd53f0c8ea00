/**
 * The credential and node type names this package declares, read from its built classes (the files
 * package.json lists under "n8n"), so the e2e assertions grow with the package.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { repoRoot } from '../../scripts/n8n/runtime';

interface PackageJson {
	name: string;
	n8n: { credentials?: string[]; nodes?: string[] };
}

export const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as PackageJson;

type Constructor = new () => unknown;

/** The compiled files are plain CommonJS under dist/ (built by the e2e global setup). */
const loadBuilt = createRequire(__filename);

function instancesIn(distFile: string): unknown[] {
	const exported = loadBuilt(join(repoRoot, distFile)) as Record<string, unknown>;
	return Object.values(exported)
		.filter((value): value is Constructor => typeof value === 'function')
		.map((Class) => new Class());
}

/** e.g. ['messengerOtnPageApi'] */
export function declaredCredentialTypes(): string[] {
	return (packageJson.n8n.credentials ?? []).flatMap((file) =>
		instancesIn(file).map((credential) => (credential as { name: string }).name),
	);
}

/** e.g. ['n8n-nodes-messenger-otn.messengerOtn']: n8n prefixes a community node with its package name. */
export function declaredNodeTypes(): string[] {
	return (packageJson.n8n.nodes ?? []).flatMap((file) =>
		instancesIn(file).map((node) => `${packageJson.name}.${(node as { description: { name: string } }).description.name}`),
	);
}
