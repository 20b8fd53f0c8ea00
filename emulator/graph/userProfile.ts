import { noProfileAvailable, unsupportedRequest } from '../fixtures/graphErrors';
import { userProfile } from '../fixtures/graphResponses';
import type { PageRecord } from '../state/directory';
import type { SubscriberRecord } from '../state/subscribers';
import { jsonResponse, type GraphCall, type GraphResponse } from './graphCall';
import { GraphError } from './graphError';
import { requestedFields } from './params';

/**
 * `GET /<PSID>?fields=first_name,last_name` with the Page's token: Meta's User Profile API
 * (https://developers.facebook.com/docs/messenger-platform/identity/user-profile). A Page that may
 * not read profiles gets the 100/33 "…cannot be loaded due to missing permissions…" Meta answers
 * then (https://github.com/DiegoRBaquero/node-fb-messenger/issues/32); a person with neither name
 * gets 100/2018218 "No profile available for this user."
 */
export function readUserProfile(page: PageRecord, subscriber: SubscriberRecord, call: GraphCall): GraphResponse {
	if (!page.profileAccess) throw new GraphError(unsupportedRequest(call.method, subscriber.psid));
	if (subscriber.firstName === null && subscriber.lastName === null) throw new GraphError(noProfileAvailable());
	const fields = requestedFields(call.params);
	return jsonResponse(200, userProfile(subscriber.psid, subscriber, fields));
}
