import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { UNUSABLE_ACCOUNT_STATES } from '../nodes/shared/graph/adAccountStates';
import { appSecretProof, withGraphAuth } from '../nodes/shared/graph/graphAuth';
import { GRAPH_CONNECTION_FIELDS, GRAPH_TEST_BASE_URL } from '../nodes/shared/graph/graphConnectionFields';

/**
 * The paid Marketing Message API (docs/meta-platform.md §3): a system user's access token and the ad account
 * it sends and pays for. The Page credential stays beside it for everything else.
 */
export class MessengerOtnMarketingApi implements ICredentialType {
	name = 'messengerOtnMarketingApi';

	displayName = 'Messenger OTN Marketing API';

	icon: Icon = { light: 'file:../icons/messenger-otn.svg', dark: 'file:../icons/messenger-otn.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-messenger-otn/n8n-nodes-messenger-otn#marketing-message-api-credential';

	properties: INodeProperties[] = [
		{
			displayName:
				"Meta's paid Marketing Message API is open to tech providers whose app passed App Review for ads_management, pages_messaging, and paid_marketing_messages or marketing_messages_messenger. It bills each delivered message to the ad account.",
			name: 'accessNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'System User Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"A system user's access token with ads_management and paid_marketing_messages (or marketing_messages_messenger), from Meta Business Settings, System users, Generate new token",
		},
		{
			displayName: 'Ad Account ID',
			name: 'adAccountId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. act_1234567890 or 1234567890',
			description: 'The ad account that creates the message campaigns and pays for the messages; the system user must be assigned to it',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Optional: the secret of the app that issued the token. When set, every call carries appsecret_proof, which apps with 'Require App Secret' demand.",
		},
		...GRAPH_CONNECTION_FIELDS,
	];

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const accessToken = String(credentials.accessToken ?? '').trim();
		const appSecret = String(credentials.appSecret ?? '').trim();
		return withGraphAuth(requestOptions, { accessToken, appsecretProof: appSecret ? appSecretProof(accessToken, appSecret) : undefined });
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: GRAPH_TEST_BASE_URL,
			url: '=/act_{{$credentials.adAccountId.trim().replace(/^act_/i, "")}}',
			qs: { fields: 'id,name,account_status' },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.code',
					value: 190,
					message:
						"Meta refused the system user's access token (invalid or expired). Generate a new token for the system user in Meta Business Settings (System users) and paste it here.",
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.error_subcode',
					value: 33,
					message:
						'Meta does not find this ad account, or the system user has no access to it. Check the Ad Account ID, and assign the ad account to the system user in Meta Business Settings (System users, Assign assets).',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.code',
					value: 200,
					message:
						"The system user's token lacks a permission. Generate it again with ads_management and paid_marketing_messages (or marketing_messages_messenger).",
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.code',
					value: 100,
					message: 'Meta refused the request. Check the Ad Account ID (digits, with or without act_) and, if set, that the App Secret belongs to the app that issued the token.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.type',
					value: 'OAuthException',
					message: 'Meta refused this credential. Check the system user access token, the Ad Account ID and the Graph Host.',
				},
			},
			...UNUSABLE_ACCOUNT_STATES.map(([value, message]) => ({
				type: 'responseSuccessBody' as const,
				properties: { key: 'account_status', value, message },
			})),
		],
	};
}
