import { createHmac } from 'crypto';

import { MessengerOtnPageApi } from '../../../credentials/MessengerOtnPageApi.credentials';
import { appSecretProof, graphAuthParams, isAppLevelPath } from '../../../nodes/shared/graph/graphAuth';

const credentials = {
	accessToken: 'PAGE-TOKEN-abc',
	appId: '1234',
	appSecret: 'app-secret-xyz',
	graphApiVersion: 'v25.0',
	graphHost: 'http://127.0.0.1:4100',
};

describe('Graph authentication', () => {
	it('computes appsecret_proof as Meta defines it: HMAC-SHA256 of the token keyed with the App secret', () => {
		const expected = createHmac('sha256', 'app-secret-xyz').update('PAGE-TOKEN-abc').digest('hex');
		expect(appSecretProof('PAGE-TOKEN-abc', 'app-secret-xyz')).toBe(expected);
	});

	it('uses the app access token only for calls on the app node', () => {
		expect(isAppLevelPath('http://h/v25.0/1234/subscriptions', '1234')).toBe(true);
		expect(isAppLevelPath('/1234/subscriptions', '1234')).toBe(true);
		expect(isAppLevelPath('http://h/v25.0/me/messages', '1234')).toBe(false);
		expect(isAppLevelPath('http://h/v25.0/12345/subscribed_apps', '1234')).toBe(false);
		expect(isAppLevelPath('/1234/subscriptions', '')).toBe(false);
	});

	it('authenticates Page calls with the Page token and app calls with app-id|app-secret', () => {
		expect(graphAuthParams(credentials, 'http://h/v25.0/me').accessToken).toBe('PAGE-TOKEN-abc');
		const app = graphAuthParams(credentials, 'http://h/v25.0/1234/subscriptions');
		expect(app.accessToken).toBe('1234|app-secret-xyz');
		expect(app.appsecretProof).toBe(appSecretProof('1234|app-secret-xyz', 'app-secret-xyz'));
	});

	it('sends no proof when no App secret is set', () => {
		expect(graphAuthParams({ accessToken: 'T' }, '/me')).toEqual({ accessToken: 'T' });
	});

	it('puts the token in the Authorization header, never in the URL, and the proof in the query', async () => {
		const credential = new MessengerOtnPageApi();
		const request = await credential.authenticate(credentials, {
			baseURL: 'http://127.0.0.1:4100/v25.0',
			url: '/me/messages',
			method: 'POST',
			qs: { fields: 'id' },
		});
		expect(request.headers).toEqual({ Authorization: 'Bearer PAGE-TOKEN-abc' });
		expect(request.qs).toEqual({ fields: 'id', appsecret_proof: appSecretProof('PAGE-TOKEN-abc', 'app-secret-xyz') });
		expect(JSON.stringify({ url: request.url, baseURL: request.baseURL, qs: request.qs })).not.toContain('PAGE-TOKEN');
	});
});
