/**
 * The cloud as the server sees it now: whether the vault answers, when it last did, and the
 * subscription's state; and from those, the row of the connectivity x subscription table that
 * decides which backups and restores may run (Get-DPMCloudStatus, and every backup and restore).
 * A vault that does not answer leaves the subscription's state Unknown, never assumed Active.
 */
import { cloudOperations, connectivityFrom, DomainError, type CloudOperations, type Connectivity, type ObservedSubscriptionState } from '@dpmsh/core';
import type { SubscriptionRecord } from '@dpmsh/vault';
import { registrationRow } from '../catalog/registration.js';
import { putSetting, readSettings } from '../catalog/settings.js';
import type { ServerContext } from '../context/server-context.js';
import { dropDeletedOnlinePoints } from './vault-data.js';

/** What Get-DPMCloudStatus reports. */
export interface CloudStatus {
  readonly registered: boolean;
  readonly vault: string | null;
  readonly connected: boolean;
  readonly connectivity: Connectivity;
  readonly lastContact: Date | null;
  /** Unknown when the vault did not answer. */
  readonly subscriptionState: ObservedSubscriptionState;
  readonly operations: CloudOperations;
  /** What the user should know about this answer (the vault not answering), one sentence each. */
  readonly warnings: readonly string[];
}

/** Whether the vault answers now; a registered server records the contact. */
export async function checkConnection(ctx: ServerContext): Promise<boolean> {
  try {
    await ctx.vault.ping();
  } catch {
    return false;
  }
  if (registrationRow(ctx.db)) {
    try {
      await ctx.vault.recordContact(ctx.serverId);
    } catch (error) {
      // A vault that no longer knows this server still answered: connected, but say nothing of contact.
      if (!(error instanceof DomainError)) throw error;
      return true;
    }
    ctx.db.transaction(() => putSetting(ctx.db, 'lastContactAt', ctx.clock().toISOString()))();
  }
  return true;
}

/** Registration, connectivity and subscription state, and what the table allows with them. */
export async function cloudStatus(ctx: ServerContext): Promise<CloudStatus> {
  const connected = await checkConnection(ctx);
  const registration = registrationRow(ctx.db);
  const { lastContactAt } = readSettings(ctx.db);
  const record = connected ? await subscriptionOf(ctx) : undefined;
  const subscription: ObservedSubscriptionState = record?.state ?? 'Unknown';
  const warnings: string[] = [];
  if (registration && record === undefined) {
    const last = lastContactAt ? ` It last answered at ${lastContactAt.toISOString()}.` : '';
    warnings.push(`The vault did not answer, so the state of its subscription is unknown; backups stay stopped until it answers.${last} Get-DPMCloudConnection tests the connection.`);
  }
  if (registration && record !== undefined) await dropDeletedOnlinePoints(ctx, record);
  const connectivity = connectivityFrom(lastContactAt ?? undefined, connected, ctx.clock());
  return {
    registered: registration !== undefined,
    vault: registration?.vaultName ?? null,
    connected,
    connectivity,
    lastContact: lastContactAt,
    subscriptionState: subscription,
    operations: cloudOperations(connectivity, subscription),
    warnings,
  };
}

/** The subscription as the vault reports it; undefined when the vault stopped answering after its ping. */
async function subscriptionOf(ctx: ServerContext): Promise<SubscriptionRecord | undefined> {
  try {
    return await ctx.vault.getSubscription();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    return undefined;
  }
}

/** The row of the table in force now; contacts the vault, as Get-DPMCloudStatus does. */
export async function cloudOperationsNow(ctx: ServerContext): Promise<CloudOperations> {
  return (await cloudStatus(ctx)).operations;
}
