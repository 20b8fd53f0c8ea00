/**
 * The packed package loads in a real n8n 2.40.7, and n8n's own credential test accepts a Page
 * token the emulator knows and explains a wrong one.
 */
import { DEFAULT_APP_ID, DEFAULT_APP_SECRET, DEFAULT_PAGE_TOKEN } from '../../emulator/server';
import { createCredential, credentialTypes, nodeTypes, testCredential } from '../../scripts/n8n/n8n-api';
import { e2eInstance } from './e2e-instance';
import { declaredCredentialTypes, declaredNodeTypes } from './package-contents';

const n8n = e2eInstance();

function pageCredential(name: string, accessToken: string) {
	return {
		name,
		type: 'messengerOtnPageApi',
		data: {
			accessToken,
			appId: DEFAULT_APP_ID,
			appSecret: DEFAULT_APP_SECRET,
			graphApiVersion: 'v25.0',
			graphHost: n8n.emulatorUrl,
		},
	};
}

async function saveAndTest(credential: ReturnType<typeof pageCredential>) {
	const saved = await createCredential(n8n, credential);
	return await testCredential(n8n, saved.id, credential);
}

describe('the package in a real n8n', () => {
	it('registers its credential types', async () => {
		const names = (await credentialTypes(n8n)).map((type) => type.name);
		expect(names).toContain('messengerOtnPageApi');
		expect(names).toEqual(expect.arrayContaining(declaredCredentialTypes()));
	});

	it('registers every node listed in package.json under the package name', async () => {
		const names = (await nodeTypes(n8n)).map((type) => type.name);
		expect(names).toEqual(expect.arrayContaining(declaredNodeTypes()));
	});
});

describe("n8n's credential test against the emulator", () => {
	it('accepts a valid Page token', async () => {
		const result = await saveAndTest(pageCredential('Emulator Page', DEFAULT_PAGE_TOKEN));
		expect(result.status).toBe('OK');
	});

	it('refuses a wrong Page token and says the Page access token is the problem', async () => {
		const result = await saveAndTest(pageCredential('Emulator Page, wrong token', 'NOT_A_PAGE_TOKEN'));
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Page access token');
	});
});
