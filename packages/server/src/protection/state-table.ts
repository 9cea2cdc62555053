/**
 * The connectivity x subscription table on every backup and restore. A server registered to a
 * vault follows the table for disk and vault alike (an expired subscription stops disk backups
 * too, as the seed says); a server that never registered protects to disk only, so the table,
 * which is about the vault's subscription, does not apply to it.
 */
import { assertOperationAllowed, notRegisteredError, type CloudOperation } from '@dpmsh/core';
import { registeredVaultName } from '../catalog/registration.js';
import { cloudOperationsNow } from '../cloud/status.js';
import type { ServerContext } from '../context/server-context.js';

/** Refuses an operation the table stops now. */
export async function assertCloudAllows(ctx: ServerContext, op: CloudOperation): Promise<void> {
  const vaultOperation = op === 'backupToVault' || op === 'restoreFromVault';
  if (registeredVaultName(ctx.db) === null) {
    if (vaultOperation) throw notRegisteredError();
    return;
  }
  assertOperationAllowed(op, await cloudOperationsNow(ctx));
}
