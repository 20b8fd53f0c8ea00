import { unsupportedRequest } from '../../fixtures/graphErrors';
import { permissionMissing, systemUserTokenRequired } from '../../fixtures/paidApiErrors';
import type { EmulatorState } from '../../state/emulatorState';
import type { AdAccountRecord, SystemUserRecord } from '../../state/paid/adAccounts';
import type { Identity } from '../auth';
import { GraphError } from '../graphError';

/**
 * Who may call an ad-account endpoint (docs/meta-platform.md §3.1): a system user's token with access to the
 * account. An unknown account, or one the system user was not given, is Meta's 100/33, whose
 * message names both (undocumented: strictest reading — the answer does not say which).
 */

export const AD_ACCOUNT_PREFIX = 'act_';

export function isAdAccountPath(objectId: string | undefined): boolean {
	return objectId !== undefined && objectId.startsWith(AD_ACCOUNT_PREFIX);
}

export function requireSystemUser(identity: Identity): SystemUserRecord {
	if (identity.kind !== 'systemUser') throw new GraphError(systemUserTokenRequired());
	return identity.systemUser;
}

export function requireAdAccount(state: EmulatorState, identity: Identity, method: string, pathId: string): AdAccountRecord {
	const account = state.paid.adAccounts.get(pathId.slice(AD_ACCOUNT_PREFIX.length));
	if (!account) throw new GraphError(unsupportedRequest(method, pathId));
	const user = requireSystemUser(identity);
	if (!user.adAccountIds.includes(account.adAccountId)) throw new GraphError(unsupportedRequest(method, pathId));
	return account;
}

/** The token must carry one of these permissions (App Review, docs/meta-platform.md §3.1). */
export function requirePermission(user: SystemUserRecord, anyOf: string[]): void {
	if (!anyOf.some((permission) => user.permissions.includes(permission))) throw new GraphError(permissionMissing(anyOf.join(' or ')));
}

/** Creating campaigns and sending need ads_management and one of the paid API's permissions. */
export function requirePaidMessaging(user: SystemUserRecord): void {
	requirePermission(user, ['ads_management']);
	requirePermission(user, ['paid_marketing_messages', 'marketing_messages_messenger']);
}
