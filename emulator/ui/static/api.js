/** The emulator's control API, as the page uses it. Errors carry the emulator's own message. */

async function call(method, path, body) {
	// Changes always go as JSON: the emulator refuses other content types there (a foreign page's form could send them).
	const init = method === 'GET' ? { method } : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) };
	const response = await fetch(`/_emulator${path}`, init);
	const data = await response.json().catch(() => ({}));
	if (!response.ok) throw new Error(data?.error?.message ?? `${method} ${path} answered HTTP ${response.status}`);
	return data;
}

const page = (pageId) => `/pages/${encodeURIComponent(pageId)}`;
const subscriber = (pageId, psid) => `${page(pageId)}/subscribers/${encodeURIComponent(psid)}`;

export const api = {
	pages: () => call('GET', '/pages'),
	clock: () => call('GET', '/clock'),
	subscribers: (pageId) => call('GET', `${page(pageId)}/subscribers`),
	tokens: (pageId) => call('GET', `${page(pageId)}/tokens`),
	deliveries: (pageId) => call('GET', `/deliveries?pageId=${encodeURIComponent(pageId)}`),
	conversation: (pageId, psid) => call('GET', `${subscriber(pageId, psid)}/conversation`),

	addSubscriber: (pageId, name) => call('POST', `${page(pageId)}/subscribers`, name ? { name } : {}),
	sendMessage: (pageId, psid, text) => call('POST', `${subscriber(pageId, psid)}/interactions`, { kind: 'message', text }),
	tapPostback: (pageId, psid, payload, title) => call('POST', `${subscriber(pageId, psid)}/interactions`, { kind: 'postback', payload, title: title || undefined }),
	tapQuickReply: (pageId, psid, payload, title) => call('POST', `${subscriber(pageId, psid)}/interactions`, { kind: 'quick_reply', payload, title }),
	tapNotifyMe: (pageId, psid) => call('POST', `${subscriber(pageId, psid)}/notify-me`),
	markRead: (pageId, psid) => call('POST', `${subscriber(pageId, psid)}/receipts`, { kind: 'read' }),
	stopMarketing: (pageId, token) => call('POST', `${page(pageId)}/marketing/stop`, { token }),
	resumeMarketing: (pageId, token) => call('POST', `${page(pageId)}/marketing/resume`, { token }),
};
