import { readFileSync } from 'fs';

import type { EmulatorAppConfig, EmulatorOptions } from './config';
import { startEmulator } from './server';

/**
 * `npm run emulator -- --port 4100 --config apps.json [--host 127.0.0.1] [--host-name alias] [--rate-limit 300] [--seed 42]`
 * apps.json holds an array of apps, or `{ "apps": [...], ...other EmulatorOptions }`.
 */

function parseArgs(argv: string[]): EmulatorOptions {
	const options: EmulatorOptions = {};
	for (let index = 0; index < argv.length; index += 2) {
		const [flag, value] = [argv[index], argv[index + 1]];
		if (value === undefined) throw new Error(`${flag} needs a value`);
		if (flag === '--port') options.port = Number(value);
		else if (flag === '--host') options.host = value;
		else if (flag === '--host-name') options.hostNames = [...(options.hostNames ?? []), value];
		else if (flag === '--rate-limit') options.rateLimitPerSecond = Number(value);
		else if (flag === '--seed') options.seed = Number(value);
		else if (flag === '--config') Object.assign(options, readConfig(value));
		else throw new Error(`unknown option ${flag}`);
	}
	return options;
}

function readConfig(path: string): EmulatorOptions {
	const parsed = JSON.parse(readFileSync(path, 'utf8')) as EmulatorOptions | EmulatorAppConfig[];
	return Array.isArray(parsed) ? { apps: parsed } : parsed;
}

async function main(): Promise<void> {
	const emulator = await startEmulator(parseArgs(process.argv.slice(2)));
	console.log(`Messenger Platform emulator listening on ${emulator.url}`);
	console.log(`Graph API: ${emulator.url}/v25.0/...   control API: ${emulator.url}/_emulator/...`);
	console.log(`Web page: ${emulator.url}/`);
	for (const app of emulator.state.directory.list()) {
		console.log(`app ${app.appId}  secret ${app.appSecret}${app.requireAppSecretProof ? '  (appsecret_proof required)' : ''}`);
		for (const page of app.pages) console.log(`  page ${page.pageId} "${page.name}"  token ${page.pageToken}`);
	}
	for (const account of emulator.state.paid.adAccounts.list()) {
		console.log(`ad account act_${account.adAccountId} "${account.name}" (${account.region})  pages ${account.pageIds.join(', ') || '(none)'}`);
	}
	for (const user of emulator.state.paid.adAccounts.listSystemUsers()) {
		console.log(`system user "${user.name}"  token ${user.token}  ad accounts ${user.adAccountIds.map((id) => `act_${id}`).join(', ')}`);
	}
	const stop = (): void => {
		emulator.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
