/** Vault credentials (Get-VaultCredential, Get-AzRecoveryServicesVaultSettingsFile). */
import { resolve } from 'node:path';
import { saveVaultCredentialsFile, type VaultRecord } from '@dpmsh/vault';
import type { ServerContext } from '../context/server-context.js';

/** Credentials written to a file. */
export interface CredentialFile {
  readonly filePath: string;
  readonly vault: VaultRecord;
  readonly thumbprint: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** Issues vault credentials into a folder, as a file only its owner can read. */
export async function issueCredentials(ctx: ServerContext, vaultName: string, folder: string): Promise<CredentialFile> {
  const issued = await ctx.vault.issueCredentials(vaultName);
  const filePath = await saveVaultCredentialsFile(resolve(folder), issued);
  return { filePath, vault: issued.vault, thumbprint: issued.thumbprint, notBefore: new Date(issued.notBefore), notAfter: new Date(issued.notAfter) };
}
