/**
 * n8n's own CLI against an instance's user folder, for fixtures that must exist before `n8n start`:
 * credentials (`import:credentials`; a plain-object `data` is encrypted on import with the
 * instance's key) and workflows (`import:workflow`, then `publish:workflow` so their production
 * webhooks answer as soon as n8n is up). Run these while the instance is stopped: n8n reads its
 * database at start, and each CLI call boots n8n for a few seconds.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { type InstanceConfig, n8nEnv } from './n8n-env';
import { n8nBin, nodeBin } from './runtime';

const execFileAsync = promisify(execFile);

export interface CredentialFixture {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** A workflow as exported by n8n (`id`, `name`, `nodes`, `connections`, ...). */
export type WorkflowFixture = { id: string; name: string } & Record<string, unknown>;

export async function runN8nCli(config: InstanceConfig, args: string[]): Promise<string> {
	const { stdout } = await execFileAsync(nodeBin, [n8nBin, ...args], {
		cwd: config.userFolder,
		env: n8nEnv(config),
		maxBuffer: 16 * 1024 * 1024,
	});
	return stdout;
}

export async function importCredentials(config: InstanceConfig, credentials: CredentialFixture[]): Promise<void> {
	await withJsonFile(credentials, (file) => runN8nCli(config, ['import:credentials', `--input=${file}`]));
}

export async function importWorkflows(config: InstanceConfig, workflows: WorkflowFixture[]): Promise<void> {
	await withJsonFile(workflows, (file) => runN8nCli(config, ['import:workflow', `--input=${file}`]));
}

export async function publishWorkflow(config: InstanceConfig, workflowId: string): Promise<void> {
	await runN8nCli(config, ['publish:workflow', `--id=${workflowId}`]);
}

/** The file holds secrets in clear text only for as long as the import runs. */
async function withJsonFile(content: unknown, use: (file: string) => Promise<unknown>): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'n8n-import-'));
	const file = join(dir, 'import.json');
	writeFileSync(file, JSON.stringify(content), { mode: 0o600 });
	try {
		await use(file);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
