// Two rule sets. What ships to n8n (nodes/, credentials/, package.json) gets @n8n/node-cli's own
// strict config, the rules `n8n-node lint` and n8n's verification scanner apply, taken from the CLI
// itself so they follow its upgrades. The tools around it (emulator, scripts, tests, benchmarks)
// legitimately use `process`, timers and the console, so they get the ordinary JavaScript and
// TypeScript recommended rules only. Why package.json says "strict": false: see the README,
// "Releasing".
import js from '@eslint/js';
import { config as n8nNodeCliConfig } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';

const shippedSources = ['nodes/**/*.ts', 'credentials/**/*.ts'];
const toolSources = ['emulator/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'];

/** The CLI's entries for every TypeScript file, narrowed to the shipped sources. */
const shipped = n8nNodeCliConfig.map((entry) =>
	entry.files?.length === 1 && entry.files[0] === '**/*.ts' ? { ...entry, files: shippedSources } : entry,
);

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', 'coverage/**', 'test-output/**'] },
	...shipped,
	{
		files: toolSources,
		extends: [js.configs.recommended, tseslint.configs.recommended],
		rules: { 'prefer-spread': 'off' },
		languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
	},
	{
		// The emulator's web page: plain browser modules, no build step.
		files: ['emulator/ui/static/**/*.js'],
		extends: [js.configs.recommended],
		languageOptions: {
			sourceType: 'module',
			globals: Object.fromEntries(
				['window', 'document', 'fetch', 'location', 'history', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'console', 'URL', 'URLSearchParams', 'HTMLElement', 'Node', 'Intl', 'Date'].map((name) => [name, 'readonly']),
			),
		},
	},
);
