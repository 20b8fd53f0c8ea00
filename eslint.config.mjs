// Two rule sets. What ships to n8n (nodes/, credentials/, package.json) gets exactly the rules
// of n8n's verification scanner (the same sets @n8n/node-cli's strict config applies). The tools
// around it (emulator, scripts, tests, benchmarks) legitimately use `process`, timers and the
// console, so they get the ordinary JavaScript and TypeScript recommended rules only.
import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const scanner = n8nCommunityNodesPlugin.configs.recommended;

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', 'coverage/**', 'test-output/**'] },
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		rules: { 'prefer-spread': 'off' },
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		extends: [scanner],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { 'no-console': 'error' },
	},
	{
		files: ['package.json'],
		extends: [scanner],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.community.rules },
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { extraFileExtensions: ['.json'] },
		},
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
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
	{
		files: ['emulator/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
		languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
	},
);
