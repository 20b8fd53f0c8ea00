/** What `npm start` prints once everything runs: where to look and what to click. */
import { BROADCAST_KEY_HEADER, type BroadcastKey } from './broadcastKey';
import type { DemoContent } from './demoWorkflows';

export interface DemoBannerInput {
	readyIn: string;
	editorUrl: string;
	login: { email: string; password: string };
	emulatorUrl: string;
	pageId: string;
	credentialName: string;
	marketingCredentialName: string;
	adAccountId: string;
	broadcastKey: BroadcastKey;
	content: DemoContent;
	logFile: string;
}

export function demoBanner(input: DemoBannerInput): string {
	const { content } = input;
	const kept = (created: boolean) => (created ? 'imported' : 'kept from the last start');
	const cleared = content.clearedRows > 0 ? `, ${content.clearedRows} row(s) of the last start cleared (the emulator forgets its tokens)` : '';
	return `
Ready in ${input.readyIn}.
  n8n editor:     ${input.editorUrl}
  login:          ${input.login.email} / ${input.login.password}
  emulator page:  ${input.emulatorUrl}/   (the Page's subscribers and their Messenger conversations)
  Graph API:      ${input.emulatorUrl}/v25.0/…  (Page ${input.pageId})
  credentials:    "${input.credentialName}" points at the emulator
                  "${input.marketingCredentialName}" too (paid Marketing Message API, act_${input.adAccountId})
                  "${input.broadcastKey.credential.name}": ${BROADCAST_KEY_HEADER}: ${input.broadcastKey.value}
                  (a new random key at every start; the broadcast's Start by Webhook refuses calls without it)
  Data Table:     otn_tokens${cleared}
  workflows:      "${content.inbox.name}" (${kept(content.inbox.created)}, published: ${input.editorUrl}/workflow/${content.inbox.id})
                  "${content.broadcast.name}" (${kept(content.broadcast.created)}: ${input.editorUrl}/workflow/${content.broadcast.id})
  n8n log:        ${input.logFile}

See the whole flow:
  1. Open the emulator page, click "Add subscriber" (add two or three).
  2. Pick a subscriber and "Tap postback" with the payload DEALS: the inbox answers with the
     "Notify me about deals" request (its Notify Me button appears in the conversation).
  3. Tap "Notify Me" on it: the inbox stores the token in the Data Table otn_tokens
     (n8n: Overview → Data tables). Do it for some subscribers, not all.
  4. In the editor, open "${content.broadcast.name}" and click "Execute workflow":
     each subscriber who tapped Notify Me gets one promotion (badge "One-time notification");
     the others get nothing. Run it again: nothing more is sent, the tokens are spent.
     Or publish it and start it from a script, with the key:
       curl -X POST -H '${BROADCAST_KEY_HEADER}: ${input.broadcastKey.value}' ${content.broadcast.webhookUrl}
  5. "Mark all as read" on a subscriber: the inbox sets deliveredAt and readAt on its row.
  Every step is an execution of the inbox in the editor (Executions tab).
Press Ctrl-C to stop (the n8n data folder is kept for the next start).`;
}
