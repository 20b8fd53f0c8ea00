import {
	marketingCooldown,
	marketingStopped,
	marketingTokenExpired,
	marketingTokenInvalid,
	noMatchingUser,
	oneTimeTokenNotHonoured,
} from '../../fixtures/graphErrors';
import type { PageRecord } from '../../state/directory';
import type { EmulatorState } from '../../state/emulatorState';
import type { SubscriberRecord } from '../../state/subscribers';
import type { MarketingTokenRecord, OneTimeTokenRecord } from '../../state/tokens';
import { GraphError } from '../graphError';
import { checkWindow } from './messagingPolicy';
import type { SendRequest } from './sendRequest';

/** Who a send reaches, after the rules of its recipient kind (docs/meta-platform.md §1.6, §2.4, §2.6, §4.3). */

export type ResolvedRecipient =
	| { via: 'psid'; subscriber: SubscriberRecord }
	| { via: 'one_time_notif_token'; subscriber: SubscriberRecord; token: OneTimeTokenRecord }
	| { via: 'notification_messages_token'; subscriber: SubscriberRecord; token: MarketingTokenRecord };

export function resolveRecipient(state: EmulatorState, page: PageRecord, request: SendRequest, now: number): ResolvedRecipient {
	const target = request.recipient;
	if (target.via === 'psid') {
		const subscriber = state.subscribers.get(page.pageId, target.psid);
		if (!subscriber) throw new GraphError(noMatchingUser());
		checkWindow(subscriber, request, now);
		return { via: 'psid', subscriber };
	}
	const record = state.tokens.find(target.token);
	const subscriber = record && record.pageId === page.pageId ? state.subscribers.get(page.pageId, record.psid) : undefined;
	if (target.via === 'one_time_notif_token') {
		// Unknown or another Page's: no subscriber of this Page. Spent or expired: Meta documents no
		// error; the emulator answers as Meta does when it does not honour a one-time token (see README).
		if (!subscriber || record?.type !== 'one_time') throw new GraphError(noMatchingUser());
		if (record.usedAt !== null || now >= record.expiresAt) throw new GraphError(oneTimeTokenNotHonoured());
		return { via: target.via, subscriber, token: record };
	}
	if (!subscriber || record?.type !== 'marketing') throw new GraphError(marketingTokenInvalid());
	if (record.expiredAt !== null) throw new GraphError(marketingTokenExpired());
	if (record.stoppedAt !== null) throw new GraphError(marketingStopped());
	if (record.nextEligibleAt !== null && now < record.nextEligibleAt) throw new GraphError(marketingCooldown());
	return { via: target.via, subscriber, token: record };
}
