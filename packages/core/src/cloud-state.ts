/**
 * The connectivity x subscription table of the Azure Backup Server seed: which backups and
 * restores are allowed, and whether the vault's recovery points are gone.
 */
import { DomainError } from './errors.js';

/**
 * The table's two connectivity rows. A short outage is not a row of its own: until contact has
 * been lost for more than 15 days the server counts as Connected (an upload may still fail and
 * be retried, but nothing is stopped by this rule).
 */
export type Connectivity = 'Connected' | 'LostMoreThan15Days';

/** The state of the subscription that owns the vault. */
export type SubscriptionState = 'Active' | 'Expired' | 'Deprovisioned';

/**
 * The subscription state as the server knows it: what the vault said, or Unknown when the vault
 * did not answer. Unknown is never assumed to be Active: only the vault can say the subscription
 * is still paid for and its data still held.
 */
export type ObservedSubscriptionState = SubscriptionState | 'Unknown';

/** The subscription states, in the seed's order. */
export const SUBSCRIPTION_STATES: readonly SubscriptionState[] = ['Active', 'Expired', 'Deprovisioned'];

/** How long contact may be lost before backups stop: 15 days. */
export const CONNECTIVITY_LOSS_LIMIT_MS = 15 * 24 * 60 * 60 * 1000;

/** Whether an operation may run. */
export type OperationState = 'Allowed' | 'Stopped';

/** The four operations of the table. */
export type CloudOperation = 'backupToVault' | 'backupToDisk' | 'restoreFromVault' | 'restoreFromDisk';

/** One row of the table, with the inputs that chose it (so a refusal can say why). */
export interface CloudOperations {
  readonly connectivity: Connectivity;
  readonly subscription: ObservedSubscriptionState;
  readonly backupToVault: OperationState;
  readonly backupToDisk: OperationState;
  readonly restoreFromVault: OperationState;
  readonly restoreFromDisk: OperationState;
  /** True when the vault's recovery points are irretrievably deleted (a deprovisioned subscription). */
  readonly vaultRecoveryPointsDeleted: boolean;
}

/** Reads 'Active', 'expired', ... case-insensitively. */
export function parseSubscriptionState(text: string): SubscriptionState {
  const t = text.trim().toLowerCase();
  const found = SUBSCRIPTION_STATES.find((s) => s.toLowerCase() === t);
  if (found === undefined) {
    throw new DomainError({
      id: 'InvalidSubscriptionState',
      category: 'InvalidArgument',
      message: `'${text}' is not a subscription state.`,
      recommendedAction: `Use ${SUBSCRIPTION_STATES.join(', ')}.`,
      target: text,
    });
  }
  return found;
}

/**
 * Connected when the vault answers now, or when the last successful contact is at most 15 days
 * before `now` (exactly 15 days is still connected: the seed says "more than 15 days").
 * A server with no recorded contact that cannot reach the vault now counts as lost: nothing
 * proves it was ever in touch, and the table's safe side is to stop backups.
 */
export function connectivityFrom(lastContact: Date | undefined, reachableNow: boolean, now: Date): Connectivity {
  if (reachableNow) return 'Connected';
  if (lastContact === undefined || Number.isNaN(lastContact.getTime())) return 'LostMoreThan15Days';
  return now.getTime() - lastContact.getTime() > CONNECTIVITY_LOSS_LIMIT_MS ? 'LostMoreThan15Days' : 'Connected';
}

/**
 * The row of the table for a connectivity and a subscription state. With the state Unknown the
 * backups, which need an Active subscription, stop, and so does reading the vault that does not
 * answer; restores from disk go on, as the table allows them whether the subscription is Active
 * or Expired.
 */
export function cloudOperations(connectivity: Connectivity, subscription: ObservedSubscriptionState): CloudOperations {
  if (subscription === 'Unknown') {
    return row(connectivity, subscription, 'Stopped', 'Stopped', 'Stopped', 'Allowed', false);
  }
  if (subscription === 'Deprovisioned') {
    return row(connectivity, subscription, 'Stopped', 'Stopped', 'Stopped', 'Stopped', true);
  }
  if (connectivity === 'Connected' && subscription === 'Active') {
    return row(connectivity, subscription, 'Allowed', 'Allowed', 'Allowed', 'Allowed', false);
  }
  // Connected and expired, or lost for more than 15 days while active or expired.
  return row(connectivity, subscription, 'Stopped', 'Stopped', 'Allowed', 'Allowed', false);
}

const OPERATION_TEXT: Readonly<Record<CloudOperation, string>> = {
  backupToVault: 'Backup to the vault',
  backupToDisk: 'Backup to disk',
  restoreFromVault: 'Restore from the vault',
  restoreFromDisk: 'Restore from disk',
};

/**
 * Refuses an operation the row stops, saying why and what to do. The first cause wins:
 * a deprovisioned subscription, then an expired one, then connectivity lost for over 15 days.
 */
export function assertOperationAllowed(op: CloudOperation, ops: CloudOperations): void {
  if (ops[op] === 'Allowed') return;
  const what = OPERATION_TEXT[op];
  const lost = ops.connectivity === 'LostMoreThan15Days';
  const alsoLost = lost ? ' This server has also not reached the vault for more than 15 days.' : '';
  if (ops.subscription === 'Deprovisioned') {
    const deleted =
      op === 'restoreFromVault'
        ? ' The recovery points in the vault were deleted when the subscription was deprovisioned and cannot be recovered.'
        : '';
    throw new DomainError({
      id: 'SubscriptionDeprovisioned',
      category: 'ResourceUnavailable',
      message: `${what} is stopped: the subscription of the vault is deprovisioned.${deleted}${alsoLost}`,
      recommendedAction:
        'Ask the vault operator to make the subscription Active again. Backup and restore then resume; data on local disk can be restored if its retention kept it, but the vault copy is lost.',
      target: op,
    });
  }
  if (ops.subscription === 'Unknown') {
    throw new DomainError({
      id: 'SubscriptionStateUnknown',
      category: 'ConnectionError',
      message: `${what} is stopped: the vault did not answer, so the state of its subscription is unknown.${alsoLost}`,
      recommendedAction:
        'Restore the connection to the vault (check the network, the proxy settings and the firewall; Get-DPMCloudConnection tests it) and try again; restores from disk remain allowed meanwhile.',
      target: op,
    });
  }
  if (ops.subscription === 'Expired') {
    throw new DomainError({
      id: 'SubscriptionExpired',
      category: 'ResourceUnavailable',
      message: `${what} is stopped: the subscription of the vault has expired. Backups scheduled while it is expired do not run.${alsoLost}`,
      recommendedAction: 'Ask the vault operator to make the subscription Active again; restores remain allowed meanwhile.',
      target: op,
    });
  }
  throw new DomainError({
    id: 'CloudConnectivityLost',
    category: 'ConnectionError',
    message: `${what} is stopped: this server has not reached the vault for more than 15 days.`,
    recommendedAction:
      'Restore the connection to the vault (check the network, the proxy settings and the firewall; Get-DPMCloudConnection tests it); restores remain allowed meanwhile.',
    target: op,
  });
}

function row(
  connectivity: Connectivity,
  subscription: ObservedSubscriptionState,
  backupToVault: OperationState,
  backupToDisk: OperationState,
  restoreFromVault: OperationState,
  restoreFromDisk: OperationState,
  vaultRecoveryPointsDeleted: boolean,
): CloudOperations {
  return {
    connectivity,
    subscription,
    backupToVault,
    backupToDisk,
    restoreFromVault,
    restoreFromDisk,
    vaultRecoveryPointsDeleted,
  };
}
