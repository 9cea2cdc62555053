/**
 * The server's side of registration: it opens its vault credentials file, shows the vault only
 * the public certificate, and answers the vault's challenge with a signature by the private key.
 * The private key never leaves this module's caller.
 */
import { X509Certificate, sign, verify } from 'node:crypto';
import { parseVaultCredentials } from '@dpmsh/core';
import { readManagementCertificate } from './pkcs12.js';

/** What the vault is shown of a credentials file: who it claims to be for, and its public certificate. */
export interface CredentialPresentation {
  vaultId: string;
  vaultName: string;
  subscriptionId: string;
  /** Base64 of the DER certificate (no private key). */
  certificate: string;
}

/** Reads a vault credentials file and keeps only what the vault may see; 34528 when it cannot be read. */
export function presentCredential(credentialXml: string): CredentialPresentation {
  const fields = parseVaultCredentials(credentialXml);
  const { certificateDer } = readManagementCertificate(fields);
  return {
    vaultId: fields.vaultId,
    vaultName: fields.resourceName,
    subscriptionId: fields.subscriptionId,
    certificate: certificateDer.toString('base64'),
  };
}

/** Signs a registration challenge with the private key in a vault credentials file; returns the base64 signature. */
export function proveCredentialPossession(credentialXml: string, challenge: string): string {
  const { privateKey } = readManagementCertificate(parseVaultCredentials(credentialXml));
  return sign('sha256', challengeBytes(challenge), privateKey).toString('base64');
}

/** True when `signature` is the certificate's key signing `challenge` (RSA PKCS#1 v1.5, SHA-256). */
export function verifyPossession(certificateDer: Uint8Array, challenge: string, signature: string): boolean {
  const publicKey = new X509Certificate(certificateDer).publicKey;
  try {
    return verify('sha256', challengeBytes(challenge), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

// The challenge's text is what is signed, not its decoded bytes, so no client has to agree on
// how lenient its base64 decoder is. The key signs nothing else, so no context prefix is needed.
function challengeBytes(challenge: string): Buffer {
  return Buffer.from(challenge, 'utf8');
}
