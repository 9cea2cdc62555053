/** Registration rules: passphrase, scratch space, proxy, one vault per server, readiness to send data. */
import { DomainError } from './errors.js';
import { assertByteCount, formatBytes } from './bytes.js';

/** The shortest encryption passphrase the seeds allow. */
export const MIN_PASSPHRASE_LENGTH = 16;

/**
 * Accepts a passphrase of at least 16 characters, all printable ASCII (0x20-0x7E). The messages
 * never repeat the passphrase or any character of it.
 */
export function validatePassphrase(passphrase: string): void {
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_LENGTH) {
    throw new DomainError({
      id: 'PassphraseTooShort',
      category: 'InvalidArgument',
      message: `The encryption passphrase has ${length} character${length === 1 ? '' : 's'}; it must have at least ${MIN_PASSPHRASE_LENGTH}.`,
      recommendedAction: `Provide a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters and save it in a secure location: it is needed to recover data, and nobody else can recover it for you.`,
    });
  }
  let position = 0;
  for (const ch of passphrase) {
    position += 1;
    const code = ch.codePointAt(0) as number;
    if (code < 0x20 || code > 0x7e) {
      throw new DomainError({
        id: 'PassphraseNotPrintableAscii',
        category: 'InvalidArgument',
        message: `The encryption passphrase contains a character that is not printable ASCII (at position ${position}); only letters, digits, spaces and the punctuation of ASCII (0x20-0x7E) are allowed.`,
        recommendedAction: 'Provide a passphrase made of printable ASCII characters only, so it can be typed the same way on any server that recovers the data.',
      });
    }
  }
}

/** Scratch space the seeds require: 5% of the data planned for online protection. */
export const SCRATCH_PERCENT = 5;

/** Bytes of scratch space needed for `plannedOnlineBytes` of online-protected data: 5%, rounded up. */
export function requiredScratchBytes(plannedOnlineBytes: number): number {
  assertByteCount('PlannedOnlineBytes', plannedOnlineBytes);
  // Dividing by 20 keeps the integer exact where multiplying by 0.05 would not.
  return Math.ceil(plannedOnlineBytes / (100 / SCRATCH_PERCENT));
}

/** Refuses a scratch location with less free space than 5% of the data planned for online protection. */
export function validateScratchSpace(input: { readonly freeBytes: number; readonly plannedOnlineBytes: number }): void {
  assertByteCount('FreeBytes', input.freeBytes);
  const required = requiredScratchBytes(input.plannedOnlineBytes);
  if (input.freeBytes < required) {
    throw new DomainError({
      id: 'InsufficientScratchSpace',
      category: 'LimitsExceeded',
      message: `The scratch location has ${formatBytes(input.freeBytes)} free, but needs at least ${formatBytes(required)}: ${SCRATCH_PERCENT}% of the ${formatBytes(input.plannedOnlineBytes)} planned for online protection.`,
      recommendedAction: 'Free space on the scratch volume, choose a scratch location on a larger volume, or protect less data online.',
      target: { freeBytes: input.freeBytes, requiredBytes: required },
    });
  }
}

/** A proxy as given to the cmdlets. */
export interface ProxyInput {
  /** Host name or address, optionally with an http:// or https:// prefix as Microsoft's examples write it. */
  readonly server: string;
  readonly port: number;
  readonly username?: string;
  readonly password?: string;
}

/** A checked proxy: the server as given, the bare host to connect to, the port and optional credentials. */
export interface ProxySettings {
  readonly server: string;
  readonly host: string;
  readonly port: number;
  readonly username?: string;
  readonly password?: string;
}

const HOST_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Checks proxy settings: a host name or address, a port 1-65535, a password whenever a user name is given. */
export function validateProxy(input: ProxyInput): ProxySettings {
  const server = input.server.trim();
  const host = proxyHost(server);
  if (host === undefined) {
    throw new DomainError({
      id: 'InvalidProxyServer',
      category: 'InvalidArgument',
      message: `ProxyServer '${input.server}' is not a host name or IP address.`,
      recommendedAction: 'Give the proxy as a host name or address, for example proxy.contoso.com, http://proxy.contoso.com or 192.0.2.10; give the port with -ProxyPort.',
      target: input.server,
    });
  }
  if (!Number.isInteger(input.port) || input.port < 1 || input.port > 65535) {
    throw new DomainError({
      id: 'InvalidProxyPort',
      category: 'InvalidArgument',
      message: `ProxyPort ${String(input.port)} is not a port number: it must be from 1 to 65535.`,
      recommendedAction: 'Give the port the proxy listens on, for example -ProxyPort 8080.',
      target: input.port,
    });
  }
  const username = input.username === undefined || input.username === '' ? undefined : input.username;
  const password = input.password === undefined || input.password === '' ? undefined : input.password;
  if (username !== undefined && password === undefined) {
    throw new DomainError({
      id: 'ProxyPasswordMissing',
      category: 'InvalidArgument',
      message: `ProxyUsername '${username}' was given without ProxyPassword.`,
      recommendedAction: 'Give -ProxyPassword with -ProxyUsername for an authenticated proxy, or leave both out.',
      target: username,
    });
  }
  if (password !== undefined && username === undefined) {
    throw new DomainError({
      id: 'ProxyUsernameMissing',
      category: 'InvalidArgument',
      message: 'ProxyPassword was given without ProxyUsername.',
      recommendedAction: 'Give -ProxyUsername with -ProxyPassword for an authenticated proxy, or leave both out.',
    });
  }
  return {
    server,
    host,
    port: input.port,
    ...(username === undefined ? {} : { username }),
    ...(password === undefined ? {} : { password }),
  };
}

function proxyHost(server: string): string | undefined {
  let host = server.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  if (host.startsWith('[') && host.endsWith(']')) {
    host = host.slice(1, -1);
    return isIpv6(host) ? host : undefined;
  }
  if (isIpv6(host)) return host;
  if (IPV4.test(host)) return host;
  // All-numeric dotted text that is not a valid IPv4 address is a typo, not a host name.
  if (/^[\d.]+$/.test(host)) return undefined;
  if (host.length === 0 || host.length > 253) return undefined;
  const labels = host.replace(/\.$/, '').split('.');
  return labels.every((l) => HOST_LABEL.test(l)) ? host : undefined;
}

function isIpv6(text: string): boolean {
  if (!text.includes(':')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (half: string): string[] => (half === '' ? [] : half.split(':'));
  const head = groupsOf(halves[0] as string);
  const tail = halves.length === 2 ? groupsOf(halves[1] as string) : [];
  // An embedded IPv4 address (::ffff:192.0.2.1) may close the address and counts as two groups.
  const closing = halves.length === 2 ? tail : head;
  let ipv4Groups = 0;
  const lastGroup = closing[closing.length - 1];
  if (lastGroup !== undefined && lastGroup.includes('.')) {
    if (!IPV4.test(lastGroup)) return false;
    closing.pop();
    ipv4Groups = 2;
  }
  if (![...head, ...tail].every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const count = head.length + tail.length + ipv4Groups;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** Which folder a folder error is about. */
export type FolderRole = 'RecoveryFolder' | 'ScratchLocation';

/**
 * The error for a recovery folder or scratch location that does not exist and cannot be created,
 * or is not writable; the server finds out by I/O, the wording lives here.
 */
export function unusableFolderError(role: FolderRole, path: string, reason: string): DomainError {
  const what = role === 'RecoveryFolder' ? 'recovery folder' : 'scratch location';
  return new DomainError({
    id: role === 'RecoveryFolder' ? 'RecoveryFolderUnusable' : 'ScratchLocationUnusable',
    category: 'PermissionDenied',
    message: `The ${what} '${path}' cannot be used: ${reason}.`,
    recommendedAction: `Give a ${what} on a local volume that exists or can be created, and that this server can write to.`,
    target: path,
    reason,
  });
}

/** The error for an operation that needs a registered server. */
export function notRegisteredError(): DomainError {
  return new DomainError({
    id: 'ServerNotRegistered',
    category: 'InvalidOperation',
    message: 'This server is not registered to a backup vault.',
    recommendedAction: 'Download vault credentials (Get-VaultCredential) and register the server with Register-DPMServer.',
  });
}

/** The error for sending data to the vault before an encryption passphrase is set. */
export function passphraseNotSetError(): DomainError {
  return new DomainError({
    id: 'EncryptionPassphraseNotSet',
    category: 'InvalidOperation',
    message: 'No encryption passphrase is set for this server, so no data can be sent to the vault.',
    recommendedAction: 'Set a passphrase of at least 16 characters, for example with Set-OBMachineSetting -EncryptionPassphrase, and keep it in a secure location.',
  });
}

/** Refuses to send data to the vault unless the server is registered and has a passphrase. */
export function assertReadyForOnlineBackup(state: { readonly registered: boolean; readonly passphraseSet: boolean }): void {
  if (!state.registered) throw notRegisteredError();
  if (!state.passphraseSet) throw passphraseNotSetError();
}
