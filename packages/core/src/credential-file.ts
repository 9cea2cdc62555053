/**
 * The `.VaultCredentials` file: an XML document shaped like the one Azure writes, so tools and
 * scripts that read Microsoft's file (`([xml]$c).RSBackupVaultAADCreds.ManagementCert`) read
 * ours. Azure serializes its RSBackupVaultAADCreds contract with .NET's DataContractSerializer;
 * this writes the same root, namespaces and element order, then dpmsh's own elements (VaultId,
 * ServiceEndpoint) after Microsoft's. Pure text: the certificate inside is opaque here.
 */
import { invalidCredentialsError, unreadableCredentialsError } from './credentials.js';
import { findRegion } from './regions.js';
import { escapeText, parseFlatXml, XmlFormatError, XSI_NAMESPACE } from './xml.js';

/** The root element of Azure's backup vault credentials file. */
export const VAULT_CREDENTIALS_ROOT_ELEMENT = 'RSBackupVaultAADCreds';
/** The DataContract namespace of the root and its children. */
export const VAULT_CREDENTIALS_NAMESPACE =
  'http://schemas.datacontract.org/2004/07/Microsoft.Azure.Portal.RecoveryServices.Models.Common';
/** The credentials format version Azure writes for AAD-based vault credentials. */
export const VAULT_CREDENTIALS_VERSION = '2.0';
/** Azure's resource type of a Recovery Services vault. */
export const VAULT_RESOURCE_TYPE = 'Vaults';
/** Azure's resource provider namespace of Recovery Services vaults. */
export const VAULT_PROVIDER_NAMESPACE = 'Microsoft.RecoveryServices';

/** The contents of a vault credentials file. */
export interface VaultCredentialFields {
  /** Format version; VAULT_CREDENTIALS_VERSION. */
  readonly version: string;
  readonly subscriptionId: string;
  /** VAULT_RESOURCE_TYPE. */
  readonly resourceType: string;
  /** The vault's name. */
  readonly resourceName: string;
  /** The certificate with its private key, base64 of a PKCS#12 (DER) without a password. */
  readonly managementCert: string;
  /** The vault's numeric resource id, decimal (a 64-bit number in Azure's files). */
  readonly resourceId: string;
  readonly resourceGroup?: string;
  /** The vault's region, as the vault shows it. */
  readonly location: string;
  /** VAULT_PROVIDER_NAMESPACE. */
  readonly providerNamespace: string;
  readonly aadAuthority?: string;
  readonly aadTenantId?: string;
  readonly aadAudience?: string;
  readonly servicePrincipalClientId?: string;
  readonly idMgmtRestEndpoint?: string;
  readonly agentLinks?: string;
  readonly privateEndpointStateForBackup?: string;
  /** dpmsh: the vault's id in the vault service. */
  readonly vaultId: string;
  /** dpmsh: where the vault service answers (a URL), when it is not the embedded vault. */
  readonly serviceEndpoint?: string;
}

type FieldKey = keyof VaultCredentialFields;

interface ElementSpec {
  readonly element: string;
  readonly key: FieldKey;
  readonly required: boolean;
  /** Microsoft's members are always written (nil when absent); dpmsh's only when present. */
  readonly microsoft: boolean;
}

const spec = (element: string, key: FieldKey, required: boolean, microsoft = true): ElementSpec => ({
  element,
  key,
  required,
  microsoft,
});

// Azure's DataMember order, then dpmsh's additions.
const ELEMENTS: readonly ElementSpec[] = [
  spec('Version', 'version', true),
  spec('SubscriptionId', 'subscriptionId', true),
  spec('ResourceType', 'resourceType', true),
  spec('ResourceName', 'resourceName', true),
  spec('ManagementCert', 'managementCert', true),
  spec('ResourceId', 'resourceId', true),
  spec('ResourceGroup', 'resourceGroup', false),
  spec('Location', 'location', true),
  spec('ProviderNamespace', 'providerNamespace', true),
  spec('AadAuthority', 'aadAuthority', false),
  spec('AadTenantId', 'aadTenantId', false),
  spec('AadAudience', 'aadAudience', false),
  spec('ServicePrincipalClientId', 'servicePrincipalClientId', false),
  spec('IdMgmtRestEndpoint', 'idMgmtRestEndpoint', false),
  spec('AgentLinks', 'agentLinks', false),
  spec('PrivateEndpointStateForBackup', 'privateEndpointStateForBackup', false),
  spec('VaultId', 'vaultId', true, false),
  spec('ServiceEndpoint', 'serviceEndpoint', false, false),
];

/** The XML text of a vault credentials file; throws TypeError when the fields could not be read back. */
export function serializeVaultCredentials(fields: VaultCredentialFields): string {
  const problem = fieldProblem(fields) ?? unsignedFieldProblem(fields);
  if (problem !== undefined) throw new TypeError(`vault credential fields: ${problem}`);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<${VAULT_CREDENTIALS_ROOT_ELEMENT} xmlns:i="${XSI_NAMESPACE}" xmlns="${VAULT_CREDENTIALS_NAMESPACE}">`,
  ];
  for (const { element, key, microsoft } of ELEMENTS) {
    const value = fields[key];
    if (value !== undefined) lines.push(`  <${element}>${escapeText(value)}</${element}>`);
    else if (microsoft) lines.push(`  <${element} i:nil="true" />`);
  }
  lines.push(`</${VAULT_CREDENTIALS_ROOT_ELEMENT}>`, '');
  return lines.join('\n');
}

/**
 * Reads a vault credentials file. Anything that is not such a file (not XML, another root,
 * a required element missing, empty or given twice, a ManagementCert that is not base64 of a
 * DER structure) throws the documented "Unable to read" error (ID 34528) with the detail in
 * `reason`; a file whose unsigned elements were edited (a ResourceId not the vault's, an unknown
 * Location, a ServiceEndpoint that is not https) throws the "corrupted" error (ID 34513).
 * Unknown elements are ignored, so a newer file still reads.
 */
export function parseVaultCredentials(xmlText: string): VaultCredentialFields {
  let doc;
  try {
    doc = parseFlatXml(xmlText);
  } catch (e) {
    if (e instanceof XmlFormatError) throw unreadableCredentialsError(`not well-formed XML: ${e.message}`);
    throw e;
  }
  if (doc.rootLocalName !== VAULT_CREDENTIALS_ROOT_ELEMENT || doc.rootNamespace !== VAULT_CREDENTIALS_NAMESPACE) {
    throw unreadableCredentialsError(
      `the root element is {${doc.rootNamespace}}${doc.rootLocalName}, not {${VAULT_CREDENTIALS_NAMESPACE}}${VAULT_CREDENTIALS_ROOT_ELEMENT}`,
    );
  }
  const values = new Map<FieldKey, string>();
  const seen = new Set<string>();
  for (const child of doc.children) {
    if (child.namespace !== VAULT_CREDENTIALS_NAMESPACE) continue;
    const s = ELEMENTS.find((e) => e.element === child.localName);
    if (s === undefined) continue;
    if (seen.has(s.element)) throw unreadableCredentialsError(`the element ${s.element} appears more than once`);
    seen.add(s.element);
    if (child.nil) continue;
    values.set(s.key, s.key === 'managementCert' ? child.text.replace(/[ \t\r\n]+/g, '') : child.text.trim());
  }
  const fields: Record<string, string> = {};
  for (const { element, key, required } of ELEMENTS) {
    const value = values.get(key);
    if (value === undefined || value === '') {
      if (required) throw unreadableCredentialsError(`the element ${element} is missing or empty`);
      continue;
    }
    fields[key] = value;
  }
  const result = fields as unknown as VaultCredentialFields;
  const problem = fieldProblem(result);
  if (problem !== undefined) throw unreadableCredentialsError(problem);
  const tampered = unsignedFieldProblem(result);
  if (tampered !== undefined) throw invalidCredentialsError(tampered);
  return result;
}

/** Decodes ManagementCert to the PKCS#12 bytes it holds. */
export function managementCertBytes(fields: Pick<VaultCredentialFields, 'managementCert'>): Uint8Array {
  const bytes = decodeBase64(fields.managementCert);
  if (bytes === undefined) throw unreadableCredentialsError('ManagementCert is not base64');
  return bytes;
}

/**
 * What is wrong with the elements the certificate does not cover. The certificate names the
 * vault, its id and its subscription, and the vault checks those against it; ResourceId,
 * Location and ServiceEndpoint could be edited freely, so each is checked against what it must
 * be. A file that fails here was edited or damaged: the documented "corrupted" error (34513).
 */
function unsignedFieldProblem(fields: VaultCredentialFields): string | undefined {
  const expectedResourceId = vaultResourceNumber(fields.vaultId);
  if (expectedResourceId === undefined) return `VaultId '${fields.vaultId}' is not a GUID`;
  if (fields.resourceId !== expectedResourceId) return `ResourceId '${fields.resourceId}' is not the resource id of the vault ${fields.vaultId} (${expectedResourceId})`;
  if (findRegion(fields.location) === undefined) return `Location '${fields.location}' is not an Azure region`;
  if (fields.serviceEndpoint !== undefined && !isHttpsUrl(fields.serviceEndpoint)) return `ServiceEndpoint '${fields.serviceEndpoint}' is not an https:// URL`;
  return undefined;
}

function fieldProblem(fields: VaultCredentialFields): string | undefined {
  for (const { element, key, required } of ELEMENTS) {
    const value: unknown = fields[key];
    if (value === undefined) {
      if (required) return `${element} is missing`;
      continue;
    }
    if (typeof value !== 'string') return `${element} is not text`;
    if (value.trim() === '') return `${element} is empty`;
    if (value !== value.trim()) return `${element} has leading or trailing white space`;
  }
  if (!/^[0-9]{1,19}$/.test(fields.resourceId)) return `ResourceId '${fields.resourceId}' is not a decimal number`;
  const cert = decodeBase64(fields.managementCert);
  if (cert === undefined) return 'ManagementCert is not base64';
  // A PKCS#12 PFX is a DER SEQUENCE; anything else is certainly not a certificate bundle.
  if (cert.length < 2 || cert[0] !== 0x30) return 'ManagementCert does not hold a PKCS#12 structure';
  return undefined;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The decimal ResourceId a credentials file carries for a vault: Azure's files hold a 64-bit
 * number there; dpmsh's is the first 63 bits of the vault's GUID (positive for tools that read it
 * as a signed integer). Undefined when `vaultId` is not a GUID.
 */
export function vaultResourceNumber(vaultId: string): string | undefined {
  if (!GUID.test(vaultId)) return undefined;
  return (BigInt(`0x${vaultId.replace(/-/g, '').slice(0, 16)}`) & 0x7fffffffffffffffn).toString();
}

function isHttpsUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  // Credentials in the URL would be one more secret in a file that is copied around.
  return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

// Written here rather than with Buffer or atob: both skip or repair malformed input silently,
// which would let a damaged file through.
function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length === 0 || text.length % 4 !== 0) return undefined;
  if (!/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/.test(text)) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      (BASE64_ALPHABET.indexOf(text[i] as string) << 18) |
      (BASE64_ALPHABET.indexOf(text[i + 1] as string) << 12) |
      (Math.max(0, BASE64_ALPHABET.indexOf(text[i + 2] as string)) << 6) |
      Math.max(0, BASE64_ALPHABET.indexOf(text[i + 3] as string));
    for (const shift of [16, 8, 0]) {
      if (o < out.length) out[o++] = (n >> shift) & 0xff;
    }
  }
  // Unused bits of the last group must be zero, or two different texts would decode the same.
  const last = text.slice(-4);
  if (padding === 2 && (BASE64_ALPHABET.indexOf(last[1] as string) & 0x0f) !== 0) return undefined;
  if (padding === 1 && (BASE64_ALPHABET.indexOf(last[2] as string) & 0x03) !== 0) return undefined;
  return out;
}
