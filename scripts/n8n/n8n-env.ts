/**
 * The environment of one n8n instance: its own folder, ports and key, loopback only, and quiet
 * offline (no telemetry, version checks or template fetches that would only log DNS errors here).
 */
import { runtimeEnv } from './runtime';

export interface InstanceConfig {
	userFolder: string;
	port: number;
	/** Each instance needs its own task-broker port; the default 5679 is shared by all. */
	brokerPort: number;
	encryptionKey: string;
	/** Extra variables, e.g. for a test that needs a setting changed. */
	env?: NodeJS.ProcessEnv;
}

export function instanceBaseUrl(port: number): string {
	return `http://127.0.0.1:${port}`;
}

export function n8nEnv(config: InstanceConfig): NodeJS.ProcessEnv {
	const base = instanceBaseUrl(config.port);
	const env = runtimeEnv({
		N8N_USER_FOLDER: config.userFolder,
		N8N_ENCRYPTION_KEY: config.encryptionKey,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(config.port),
		N8N_PROTOCOL: 'http',
		// 2.40 reads N8N_WEBHOOK_URL (WEBHOOK_URL is its deprecated name).
		N8N_WEBHOOK_URL: `${base}/`,
		N8N_EDITOR_BASE_URL: `${base}/`,
		N8N_RUNNERS_BROKER_PORT: String(config.brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		// The editor is reached over plain http on loopback.
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_LOG_OUTPUT: 'console',
		// 2.x's default. 1.x defaults to one connection without a pool, which fails concurrent webhook
		// executions with SQLITE_BUSY; n8n 1.x itself warns that running without a pool is deprecated.
		DB_SQLITE_POOL_SIZE: '3',
		...config.env,
	});
	// Started from jest, NODE_ENV is 'test', which puts n8n itself in its unit-test mode (silent
	// logger, no node loading) and makes it exit at start.
	if (env.NODE_ENV === 'test') delete env.NODE_ENV;
	delete env.JEST_WORKER_ID;
	return env;
}
