import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { graphAuthParams, withGraphAuth } from '../nodes/shared/graph/graphAuth';
import { GRAPH_CONNECTION_FIELDS, GRAPH_TEST_BASE_URL } from '../nodes/shared/graph/graphConnectionFields';

export class MessengerOtnPageApi implements ICredentialType {
	name = 'messengerOtnPageApi';

	displayName = 'Messenger OTN Page API';

	icon: Icon = { light: 'file:../icons/messenger-otn.svg', dark: 'file:../icons/messenger-otn.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-messenger-otn/n8n-nodes-messenger-otn#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Page Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A Page access token with the pages_messaging permission, from Meta Business Suite or the Graph API Explorer',
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1234567890123456',
			description:
				'The ID of the Meta app that receives the Page webhooks. Needed by the trigger to manage the webhook subscription.',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The App secret (App settings, Basic). It verifies webhook signatures, adds appsecret_proof to every call, and with the App ID forms the app access token for webhook subscription calls.',
		},
		...GRAPH_CONNECTION_FIELDS,
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const url = `${requestOptions.baseURL ?? ''}${requestOptions.url}`;
		const auth = graphAuthParams(
			{
				accessToken: String(credentials.accessToken ?? ''),
				appId: String(credentials.appId ?? ''),
				appSecret: String(credentials.appSecret ?? ''),
			},
			url,
		);
		return withGraphAuth(requestOptions, auth);
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: GRAPH_TEST_BASE_URL,
			url: '/me',
			qs: { fields: 'id,name' },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.code',
					value: 190,
					message:
						'Meta refused the Page access token (invalid or expired). Create a new Page access token with the pages_messaging permission and paste it here.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.code',
					value: 100,
					message:
						'Meta refused the appsecret_proof. Check that the App Secret belongs to the app that issued the Page access token, or clear it.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.code',
					value: 200,
					message:
						'The Page access token lacks a permission. Give the app pages_messaging (and pages_manage_metadata for webhooks) and create the token again.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.type',
					value: 'OAuthException',
					message: 'Meta refused this credential. Check the Page access token, App Secret and Graph Host.',
				},
			},
		],
	};
}
