import { createHash, generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

const generateRsaKeyPair = promisify(generateKeyPair);

/** What a vault credential certificate names and how long it is valid. */
export interface CredentialCertificateRequest {
  vaultName: string;
  subscriptionId: string;
  notBefore: Date;
  notAfter: Date;
}

/** A freshly made credential: the public certificate the vault keeps, and the PKCS#12 only the file carries. */
export interface CredentialCertificate {
  /** DER of the X.509 certificate: the only part the vault stores. */
  certificateDer: Buffer;
  /** DER of the PKCS#12 (private key and certificate, no password): goes into the file, never into the vault's store. */
  pkcs12Der: Buffer;
  thumbprint: string;
  serialNumber: string;
}

/** SHA-1 of the DER certificate in upper-case hex, the thumbprint Windows shows. */
export function certificateThumbprint(certificateDer: Uint8Array): string {
  return createHash('sha1').update(certificateDer).digest('hex').toUpperCase();
}

/** Makes an RSA-2048 key pair and a self-signed client-authentication certificate for one vault credential. */
export async function createCredentialCertificate(
  request: CredentialCertificateRequest,
): Promise<CredentialCertificate> {
  // The asynchronous generator runs on the thread pool, so issuing credentials does not stall
  // every other request of a vault service for the few hundred milliseconds RSA key generation takes.
  const keys = await generateRsaKeyPair('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const privateKey = forge.pki.privateKeyFromPem(keys.privateKey);
  const publicKey = forge.pki.publicKeyFromPem(keys.publicKey);

  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  certificate.serialNumber = randomSerialNumber();
  certificate.validity.notBefore = request.notBefore;
  certificate.validity.notAfter = request.notAfter;
  // RFC 5280 caps a common name at 64 characters; a 50-character vault name and a GUID do not fit
  // together, so the subscription goes into the organizational unit beside the vault's name.
  const subject = [
    { shortName: 'CN', value: request.vaultName },
    { shortName: 'OU', value: `Subscription ${request.subscriptionId}` },
    { shortName: 'O', value: 'dpmsh vault credentials' },
  ];
  certificate.setSubject(subject);
  // Self-signed, as Microsoft's vault credentials are: the vault trusts a certificate because it
  // stored that exact certificate when issuing it, so a vault CA key would only be one more secret to keep.
  certificate.setIssuer(subject);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', clientAuth: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(privateKey, forge.md.sha256.create());

  const certificateDer = Buffer.from(
    forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(),
    'binary',
  );
  // A null password leaves the key bag unencrypted, as in Microsoft's files, while the MAC (keyed
  // with the empty password) still makes any corruption of the file detectable when it is read.
  const pkcs12 = forge.pkcs12.toPkcs12Asn1(privateKey, [certificate], null, {
    useMac: true,
    friendlyName: `${request.vaultName} vault credentials`,
  });
  const pkcs12Der = Buffer.from(forge.asn1.toDer(pkcs12).getBytes(), 'binary');

  return {
    certificateDer,
    pkcs12Der,
    thumbprint: certificateThumbprint(certificateDer),
    serialNumber: certificate.serialNumber.toUpperCase(),
  };
}

function randomSerialNumber(): string {
  const bytes = randomBytes(16);
  // Clearing the top bit keeps the DER INTEGER positive and setting the next one keeps it minimal
  // (no leading zero octet), as RFC 5280 requires of serial numbers.
  bytes[0] = (bytes[0] & 0x3f) | 0x40;
  return bytes.toString('hex');
}
