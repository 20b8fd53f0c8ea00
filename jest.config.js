/** Unit, emulator, conformance, contract, end-to-end and queue-mode tests; each project is a folder under test/. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.dev.json' }];
/** The n8n runtimes under .cache/ (one per version the compatibility matrix installs) are not test code. */
const modulePathIgnorePatterns = ['<rootDir>/.cache/'];

module.exports = {
	testTimeout: 30000,
	projects: [
		{ displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'], transform: { '^.+\\.ts$': tsJest }, testEnvironment: 'node', modulePathIgnorePatterns },
		{ displayName: 'emulator', testMatch: ['<rootDir>/test/emulator/**/*.test.ts'], transform: { '^.+\\.ts$': tsJest }, testEnvironment: 'node', modulePathIgnorePatterns },
		// Meta's own payloads (test/fixtures/meta) through the trigger, the token rows and the error parsing.
		{ displayName: 'conformance', testMatch: ['<rootDir>/test/conformance/**/*.test.ts'], transform: { '^.+\\.ts$': tsJest }, testEnvironment: 'node', modulePathIgnorePatterns },
		// The nodes and the transport inside n8n-core's real engine, against the emulator.
		{ displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.test.ts'], transform: { '^.+\\.ts$': tsJest }, testEnvironment: 'node', modulePathIgnorePatterns },
		{
			// One real n8n (installed on first use, 4 to 5 min) and one emulator shared by all e2e files.
			displayName: 'e2e',
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			transform: { '^.+\\.ts$': tsJest },
			testEnvironment: 'node',
			modulePathIgnorePatterns,
			globalSetup: '<rootDir>/test/e2e/global-setup.ts',
			globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
			// A project's testTimeout is not applied to its tests by this jest (they get the global 30 s):
			// the setup file sets the real n8n's longer timeout.
			setupFilesAfterEnv: ['<rootDir>/test/e2e/longTimeout.ts'],
		},
		{
			// A real queue-mode n8n of its own (PostgreSQL, Redis, main, webhook process, two workers).
			displayName: 'queue',
			testMatch: ['<rootDir>/test/queue/**/*.test.ts'],
			transform: { '^.+\\.ts$': tsJest },
			testEnvironment: 'node',
			modulePathIgnorePatterns,
			setupFilesAfterEnv: ['<rootDir>/test/queue/longTimeout.ts'],
		},
	],
};
