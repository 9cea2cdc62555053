import { describe, expect, it } from 'vitest';
import {
  VAULT_CREDENTIALS_NAMESPACE,
  VAULT_CREDENTIALS_VERSION,
  VAULT_PROVIDER_NAMESPACE,
  VAULT_RESOURCE_TYPE,
  managementCertBytes,
  parseVaultCredentials,
  serializeVaultCredentials,
  type VaultCredentialFields,
} from './credential-file.js';
import { expectDomainError } from './test-support/domain-error.js';

// A DER SEQUENCE stands in for the PKCS#12 bundle; core never looks inside it.
const CERT = 'MAMCAQM=';

const fields: VaultCredentialFields = {
  version: VAULT_CREDENTIALS_VERSION,
  subscriptionId: '6f1c2a1e-0000-4000-8000-000000000001',
  resourceType: VAULT_RESOURCE_TYPE,
  resourceName: 'testvault',
  managementCert: CERT,
  resourceId: '3745206878193402402',
  resourceGroup: 'test-rg',
  location: 'West US',
  providerNamespace: VAULT_PROVIDER_NAMESPACE,
  vaultId: 'b3f9a5d0-1111-4222-8333-444455556666',
};

const unreadable = (xml: string, reason: string): void => {
  const e = expectDomainError(() => parseVaultCredentials(xml), 'VaultCredentialsUnreadable');
  expect(e.code).toBe(34528);
  expect(e.message).toBe('Unable to read the vault credentials file provided. (ID: 34528)');
  expect(e.reason).toContain(reason);
};

const invalid = (xml: string, reason: string): void => {
  const e = expectDomainError(() => parseVaultCredentials(xml), 'VaultCredentialsInvalid');
  expect(e.code).toBe(34513);
  expect(e.reason).toContain(reason);
};

const xml = serializeVaultCredentials(fields);
const replace = (from: string, to: string): string => {
  expect(xml).toContain(from);
  return xml.replace(from, to);
};

describe('serializeVaultCredentials', () => {
  it("writes Azure's root, namespaces and element order, nil for absent Microsoft members", () => {
    const lines = xml.split('\n');
    expect(lines[0]).toBe('<?xml version="1.0" encoding="utf-8"?>');
    expect(lines[1]).toBe(
      `<RSBackupVaultAADCreds xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="${VAULT_CREDENTIALS_NAMESPACE}">`,
    );
    expect(lines.slice(2, 7)).toEqual([
      '  <Version>2.0</Version>',
      '  <SubscriptionId>6f1c2a1e-0000-4000-8000-000000000001</SubscriptionId>',
      '  <ResourceType>Vaults</ResourceType>',
      '  <ResourceName>testvault</ResourceName>',
      `  <ManagementCert>${CERT}</ManagementCert>`,
    ]);
    expect(xml).toContain('  <AadAuthority i:nil="true" />');
    expect(xml).toContain('  <ProviderNamespace>Microsoft.RecoveryServices</ProviderNamespace>');
    expect(xml).not.toContain('ServiceEndpoint');
    expect(xml.indexOf('<PrivateEndpointStateForBackup')).toBeLessThan(xml.indexOf('<VaultId>'));
    expect(xml.endsWith('</RSBackupVaultAADCreds>\n')).toBe(true);
  });

  it('escapes markup characters', () => {
    const text = serializeVaultCredentials({ ...fields, resourceGroup: 'a&b<c>"d\'' });
    expect(text).toContain('<ResourceGroup>a&amp;b&lt;c&gt;"d\'</ResourceGroup>');
  });

  it.each<[string, Partial<Record<keyof VaultCredentialFields, unknown>>, string]>([
    ['a missing required field', { vaultId: undefined }, 'VaultId is missing'],
    ['an empty field', { location: '' }, 'Location is empty'],
    ['padded text', { resourceName: ' testvault' }, 'ResourceName has leading or trailing white space'],
    ['a non-numeric resource id', { resourceId: 'abc' }, 'ResourceId'],
    ['a certificate that is not base64', { managementCert: 'not base64!' }, 'ManagementCert is not base64'],
    ['a certificate that is not DER', { managementCert: 'aGVsbG8=' }, 'ManagementCert does not hold a PKCS#12 structure'],
    ['a resource id of another vault', { resourceId: '8021384529912345678' }, "ResourceId '8021384529912345678' is not the resource id of the vault"],
    ['a vault id that is not a GUID', { vaultId: 'vault-1' }, "VaultId 'vault-1' is not a GUID"],
    ['an unknown region', { location: 'Atlantis' }, "Location 'Atlantis' is not an Azure region"],
    ['a plain-http service endpoint', { serviceEndpoint: 'http://vault.example/' }, "ServiceEndpoint 'http://vault.example/' is not an https:// URL"],
    ['a service endpoint that is not a URL', { serviceEndpoint: 'vault.example' }, "ServiceEndpoint 'vault.example' is not an https:// URL"],
    ['a service endpoint with credentials in it', { serviceEndpoint: 'https://u:p@vault.example/' }, "ServiceEndpoint 'https://u:p@vault.example/' is not an https:// URL"],
  ])('refuses %s with a TypeError', (_what, change, message) => {
    const broken = { ...fields, ...change } as VaultCredentialFields;
    expect(() => serializeVaultCredentials(broken)).toThrow(TypeError);
    expect(() => serializeVaultCredentials(broken)).toThrow(`vault credential fields: ${message}`);
  });

  it('refuses characters XML cannot hold', () => {
    expect(() => serializeVaultCredentials({ ...fields, resourceGroup: 'a\u0001b' })).toThrow(TypeError);
  });
});

describe('parseVaultCredentials', () => {
  it('round-trips every field', () => {
    const all: VaultCredentialFields = {
      ...fields,
      aadAuthority: 'https://login.example/',
      aadTenantId: 't',
      aadAudience: 'https://RecoveryServiceVault/westus/testvault/1',
      servicePrincipalClientId: 'c',
      idMgmtRestEndpoint: 'https://id.example/',
      agentLinks: 'WebPortalLink,http://example/?a=1&b=2;',
      privateEndpointStateForBackup: 'None',
      serviceEndpoint: 'https://vault.example:8443/',
      resourceGroup: 'rg <&> "quoted"',
    };
    expect(parseVaultCredentials(serializeVaultCredentials(all))).toEqual(all);
    expect(parseVaultCredentials(xml)).toEqual(fields);
  });

  it("reads Microsoft's layout: attributes on new lines, prefixes, nil members, BOM, wrapped base64, comments, CDATA", () => {
    const text = [
      '\uFEFF<?xml version=\'1.0\' encoding=\'UTF-8\'?>',
      '<!-- downloaded from the portal -->',
      '<c:RSBackupVaultAADCreds',
      '  xmlns:i="http://www.w3.org/2001/XMLSchema-instance"',
      `  xmlns:c='${VAULT_CREDENTIALS_NAMESPACE}'>`,
      '  <c:Version>2.0</c:Version>',
      '  <c:SubscriptionId><![CDATA[6f1c2a1e-0000-4000-8000-000000000001]]></c:SubscriptionId>',
      '  <c:ResourceType>Vaults</c:ResourceType>',
      '  <c:ResourceName>test&#x76;ault</c:ResourceName>',
      '  <c:ManagementCert>',
      '    MAMC',
      '    AQM=',
      '  </c:ManagementCert>',
      '  <c:ResourceId>3745206878193402402</c:ResourceId>',
      '  <c:ResourceGroup i:nil="true"/>',
      '  <c:Location>West US</c:Location>',
      '  <c:ProviderNamespace>Microsoft.RecoveryServices</c:ProviderNamespace>',
      '  <c:FutureMember>ignored</c:FutureMember>',
      '  <c:VaultId>b3f9a5d0-1111-4222-8333-444455556666</c:VaultId>',
      '</c:RSBackupVaultAADCreds>',
      '',
    ].join('\r\n');
    const { resourceGroup: _omitted, ...expected } = fields;
    expect(parseVaultCredentials(text)).toEqual(expected);
  });

  it('decodes the certificate bytes', () => {
    expect([...managementCertBytes(fields)]).toEqual([0x30, 0x03, 0x02, 0x01, 0x03]);
    expectDomainError(() => managementCertBytes({ managementCert: '***' }), 'VaultCredentialsUnreadable');
  });

  describe('refuses an unreadable file with ID 34528', () => {
    it.each([
      ['an empty file', '', 'not well-formed'],
      ['text that is not XML', 'This is not a vault credentials file.', 'not well-formed'],
      ['JSON', '{"ResourceName":"testvault"}', 'not well-formed'],
      ['a truncated file', xml.slice(0, xml.length / 2), 'not well-formed'],
      ['a DOCTYPE', xml.replace('<RSBackupVaultAADCreds', '<!DOCTYPE x [<!ENTITY a "b">]><RSBackupVaultAADCreds'), 'DOCTYPE'],
      ['an unknown entity', xml.replace('>testvault<', '>&bomb;<'), "unknown entity '&bomb;'"],
      ['a bare ampersand', xml.replace('>testvault<', '>a & b<'), "an '&'"],
      ['a nested element', xml.replace('>testvault<', '><b>testvault</b><'), 'nested element'],
      ['a mismatched end tag', xml.replace('</ResourceName>', '</ResourceType>'), 'closes <ResourceName>'],
      ['content after the root', `${xml}<extra/>`, 'content after the root'],
      ['text inside the root', xml.replace('  <Version>', '  stray<Version>'), 'text directly inside'],
      ['another encoding', xml.replace('encoding="utf-8"', 'encoding="utf-16"'), 'UTF-8'],
      ['an undeclared prefix', xml.replace('<Version>2.0</Version>', '<x:Version>2.0</x:Version>'), "undeclared namespace prefix 'x'"],
      ['a control character', xml.replace('testvault', 'test\u0000vault'), 'a character XML forbids'],
      ['a duplicated attribute', xml.replace('xmlns:i=', 'a="1" a="2" xmlns:i='), 'given twice'],
    ])('%s', (_what, text, reason) => unreadable(text, reason));

    it('another root element', () => {
      unreadable(xml.replace(/RSBackupVaultAADCreds/g, 'VaultCredentials'), 'the root element is');
    });

    it('another namespace', () => {
      unreadable(xml.replace(VAULT_CREDENTIALS_NAMESPACE, 'urn:other'), 'the root element is');
    });

    it.each(['Version', 'SubscriptionId', 'ResourceType', 'ResourceName', 'ManagementCert', 'ResourceId', 'Location', 'ProviderNamespace', 'VaultId'])(
      'a missing %s',
      (element) => {
        unreadable(xml.replace(new RegExp(`  <${element}>[^<]*</${element}>\n`), ''), `the element ${element} is missing or empty`);
      },
    );

    it('an empty or nil required element', () => {
      unreadable(replace('<ResourceName>testvault</ResourceName>', '<ResourceName></ResourceName>'), 'ResourceName is missing or empty');
      unreadable(replace('<ResourceName>testvault</ResourceName>', '<ResourceName i:nil="true" />'), 'ResourceName is missing or empty');
    });

    it('an element given twice', () => {
      unreadable(replace('<Version>2.0</Version>', '<Version>2.0</Version><Version>2.0</Version>'), 'Version appears more than once');
    });

    it.each([
      ['a character outside the alphabet', 'MAMC*QM='],
      ['a length that is not a multiple of 4', 'MAMCAQM'],
      ['padding in the middle', 'MA==AQM='],
      ['non-zero bits in the padding group', 'MAMCAQN='],
    ])('bad base64: %s', (_what, cert) => {
      unreadable(replace(`<ManagementCert>${CERT}</ManagementCert>`, `<ManagementCert>${cert}</ManagementCert>`), 'ManagementCert is not base64');
    });

    it('base64 that does not hold a PKCS#12 structure', () => {
      unreadable(replace(`<ManagementCert>${CERT}</ManagementCert>`, '<ManagementCert>aGVsbG8=</ManagementCert>'), 'PKCS#12');
    });

    it('a resource id that is not a number', () => {
      unreadable(replace('<ResourceId>3745206878193402402</ResourceId>', '<ResourceId>x1</ResourceId>'), 'ResourceId');
    });

    // The certificate does not cover these elements: an edited one must not be taken as it is.
    it('an edited ResourceId that names another vault', () => {
      invalid(replace('<ResourceId>3745206878193402402</ResourceId>', '<ResourceId>3745206878193402403</ResourceId>'), 'is not the resource id of the vault');
    });

    it('an edited Location that is no Azure region', () => {
      invalid(replace('<Location>West US</Location>', '<Location>Evil Region</Location>'), "Location 'Evil Region' is not an Azure region");
    });

    it('an added ServiceEndpoint that is not https', () => {
      invalid(replace('</VaultId>', '</VaultId><ServiceEndpoint>http://attacker.example/</ServiceEndpoint>'), 'is not an https:// URL');
    });

    it('a region in either spelling', () => {
      expect(parseVaultCredentials(replace('<Location>West US</Location>', '<Location>westus</Location>')).location).toBe('westus');
    });
  });
});
