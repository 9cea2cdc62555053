/**
 * Register-DPMServer: the vault checks the credentials are its newest and still valid, the server
 * proves it holds their private key, and the settings given with the registration are stored
 * with it, all or none.
 */
import { DomainError, assertNotRegisteredElsewhere, invalidCredentialsError, parseVaultCredentials, unreadableCredentialsError, validatePassphrase } from '@dpmsh/core';
import { proveCredentialPossession } from '@dpmsh/vault';
import { InputFileRefusedError, readBoundedFile } from '../input/bounded-read.js';
import { putRegistration, registrationRow, type RegistrationRow } from '../catalog/registration.js';
import type { ServerContext } from '../context/server-context.js';
import { withSettings, type SettingsChange } from './settings-change.js';

/** This server's registration to a vault. */
export interface Registration extends Omit<RegistrationRow, 'registrationId'> {
  readonly serverId: string;
  readonly serverName: string;
}

/** A registration request: the credentials file and, optionally, the settings registration also sets. */
export interface RegisterRequest extends SettingsChange {
  readonly credentialsPath: string;
}

// A real credentials file is a few KB (a 2048-bit PKCS#12 in base64 and a dozen short elements).
const CREDENTIALS_FILE_LIMIT = 1024 * 1024;

/** This server's registration, or null. */
export function registration(ctx: ServerContext): Registration | null {
  const row = registrationRow(ctx.db);
  if (!row) return null;
  return {
    serverId: ctx.serverId,
    serverName: ctx.serverName,
    vaultId: row.vaultId,
    vaultName: row.vaultName,
    subscriptionId: row.subscriptionId,
    region: row.region,
    certThumbprint: row.certThumbprint,
    registeredAt: row.registeredAt,
  };
}

/** Registers this server with the vault of a credentials file, with the settings the request carries. */
export async function register(ctx: ServerContext, request: RegisterRequest): Promise<Registration> {
  if (request.passphrase !== undefined) validatePassphrase(request.passphrase);
  const xml = await readCredentialsFile(request.credentialsPath);
  const fields = parseVaultCredentials(xml);
  // ServiceEndpoint is not under the certificate: the embedded vault never writes one, so one found here was added.
  if (ctx.embeddedVault && fields.serviceEndpoint !== undefined) {
    throw invalidCredentialsError(`the file names a vault service at ${fields.serviceEndpoint}, but this server's vault is the embedded one, which issues files without a ServiceEndpoint`);
  }
  const current = registrationRow(ctx.db);
  if (current) assertNotRegisteredElsewhere({ vaultId: current.vaultId }, fields.vaultId);
  return withSettings(ctx, request, async (apply) => {
    const challenge = await ctx.vault.beginRegistration(xml);
    const signature = proveCredentialPossession(xml, challenge.challenge);
    const record = await ctx.vault.completeRegistration({ challenge: challenge.challenge, signature, serverName: ctx.serverName, serverId: ctx.serverId });
    ctx.db.transaction(() => {
      putRegistration(ctx.db, record);
      apply();
    })();
    return registration(ctx) as Registration;
  });
}

/** The text of a credentials file: a regular file of at most 1 MiB, never a FIFO or a device read until it ends. */
async function readCredentialsFile(path: string): Promise<string> {
  try {
    return (await readBoundedFile(path, CREDENTIALS_FILE_LIMIT)).toString('utf8');
  } catch (error) {
    if (error instanceof InputFileRefusedError) throw refusedCredentialsFileError(path, error.reason);
    throw unreadableCredentialsError((error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
}

/** The documented "Unable to read" error, saying in its recommended action why the file was not read at all. */
function refusedCredentialsFileError(path: string, reason: string): DomainError {
  const documented = unreadableCredentialsError(reason);
  return new DomainError({
    id: documented.id,
    category: documented.category,
    message: documented.message,
    ...(documented.code === undefined ? {} : { code: documented.code }),
    recommendedAction: `'${path}' was not read: ${reason}. Give the path of the .VaultCredentials file itself, as downloaded (a few KB; more than 1 MiB is refused).`,
    target: path,
    reason,
  });
}
