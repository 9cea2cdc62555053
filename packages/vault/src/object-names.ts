/**
 * The rules for the names of objects a server keeps in the vault ('data/3f/3f9a…',
 * 'snapshots/…'): '/'-separated segments of letters, digits, '_', '.' and '-', none of them '.'
 * or '..', so that a name can never reach outside the server's own store.
 */
import { DomainError } from '@dpmsh/core';

/** The longest object name accepted. */
export const MAX_OBJECT_NAME_LENGTH = 1024;

const NAME_CHARACTERS = /^[A-Za-z0-9/_.-]+$/;

/** Checks an object name and returns it. */
export function validateObjectName(name: string): string {
  if (
    typeof name !== 'string' ||
    name.length === 0 ||
    name.length > MAX_OBJECT_NAME_LENGTH ||
    !NAME_CHARACTERS.test(name) ||
    name.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')
  ) {
    throw invalidObjectNameError(name, 'name');
  }
  return name;
}

/** Checks a listing prefix: empty, or a name, or a name ending in '/'. */
export function validateObjectPrefix(prefix: string): string {
  if (prefix === '') return prefix;
  if (
    typeof prefix !== 'string' ||
    prefix.length > MAX_OBJECT_NAME_LENGTH ||
    !NAME_CHARACTERS.test(prefix) ||
    prefix.startsWith('/') ||
    prefix.includes('//') ||
    prefix.split('/').some((segment) => segment === '.' || segment === '..')
  ) {
    throw invalidObjectNameError(prefix, 'prefix');
  }
  return prefix;
}

function invalidObjectNameError(name: string, what: 'name' | 'prefix'): DomainError {
  return new DomainError({
    id: 'InvalidVaultObjectName',
    category: 'InvalidArgument',
    message: `The vault object ${what} '${String(name)}' is not valid: it must be 1 to ${MAX_OBJECT_NAME_LENGTH} characters of letters, digits, '_', '.', '-' and '/', must not start with '/', and no part between slashes may be empty, '.' or '..'.`,
    recommendedAction: 'Use a relative name such as data/3f/3f9a0c; this is a fault of the program sending it, so report it if it persists.',
    target: name,
  });
}

/** The error for an object that the vault does not hold: a plain Error whose code is 'ENOENT', as a file system reports it. */
export function objectNotFoundError(name: string): Error & { code: 'ENOENT' } {
  return Object.assign(new Error(`The vault holds no object '${name}'.`), { code: 'ENOENT' as const });
}
