import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { managementCertBytes, unreadableCredentialsError, type VaultCredentialFields } from '@dpmsh/core';

/** The key pair a vault credentials file carries in its ManagementCert. */
export interface ManagementCertificate {
  certificate: X509Certificate;
  certificateDer: Buffer;
  privateKey: KeyObject;
}

/** Opens the ManagementCert of a parsed file (a PKCS#12 without a password); anything unreadable is error 34528. */
export function readManagementCertificate(fields: Pick<VaultCredentialFields, 'managementCert'>): ManagementCertificate {
  const pfx = openPkcs12(Buffer.from(managementCertBytes(fields)));

  const keys = bagsOf(pfx, forge.pki.oids.pkcs8ShroudedKeyBag).concat(bagsOf(pfx, forge.pki.oids.keyBag));
  const certificates = bagsOf(pfx, forge.pki.oids.certBag);
  const keyBag = keys.find((bag) => bag.key !== undefined);
  if (keyBag?.key === undefined) throw unreadableCredentialsError('ManagementCert holds no private key');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key));
  } catch {
    throw unreadableCredentialsError('the private key in ManagementCert is not an RSA key');
  }
  for (const bag of certificates) {
    if (bag.cert === undefined) continue;
    const certificateDer = Buffer.from(
      forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert)).getBytes(),
      'binary',
    );
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(certificateDer);
    } catch {
      continue;
    }
    if (certificate.checkPrivateKey(privateKey)) return { certificate, certificateDer, privateKey };
  }
  throw unreadableCredentialsError('ManagementCert holds no certificate for its private key');
}

function openPkcs12(der: Buffer): forge.pkcs12.Pkcs12Pfx {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(der.toString('binary'), true);
  } catch {
    throw unreadableCredentialsError('ManagementCert is not DER');
  }
  // Files without a password exist in two spellings: no password at all (ours) and the empty
  // password (what Windows writes when exporting with a blank one); the MAC tells which.
  for (const password of [undefined, '']) {
    try {
      return forge.pkcs12.pkcs12FromAsn1(asn1, true, password);
    } catch {
      // try the next spelling
    }
  }
  throw unreadableCredentialsError('ManagementCert is not a PKCS#12 without a password, or it is damaged (its MAC does not verify)');
}

function bagsOf(pfx: forge.pkcs12.Pkcs12Pfx, bagType: string): forge.pkcs12.Bag[] {
  return pfx.getBags({ bagType })[bagType] ?? [];
}
