/**
 * The repository's refusals, as @dpmsh/core DomainErrors with the stable ids api.ts documents.
 * Each message names the repository's location, says what is wrong and what to do.
 */
import { DomainError } from '@dpmsh/core';

/** The ids the engine throws. */
export type EngineErrorId =
  | 'RepositoryNotFound'
  | 'RepositoryExists'
  | 'RepositoryPassphraseIncorrect'
  | 'RepositoryKeyMismatch'
  | 'RepositoryCorrupt'
  | 'RepositoryLocked'
  | 'SnapshotNotFound'
  | 'UnchangedEntryMissing';

/** No repository (no config object) at the location. */
export function repositoryNotFound(location: string): DomainError {
  return new DomainError({
    id: 'RepositoryNotFound',
    category: 'ObjectNotFound',
    message: `There is no backup repository at ${location}.`,
    recommendedAction: 'Check the location, or create a repository there first.',
    target: location,
  });
}

/** init found a repository already there. */
export function repositoryExists(location: string): DomainError {
  return new DomainError({
    id: 'RepositoryExists',
    category: 'ResourceExists',
    message: `A backup repository already exists at ${location}.`,
    recommendedAction: 'Open the existing repository, or choose an empty location for a new one.',
    target: location,
  });
}

/** No stored key envelope opens with the passphrase. */
export function passphraseIncorrect(location: string): DomainError {
  return new DomainError({
    id: 'RepositoryPassphraseIncorrect',
    category: 'AuthenticationError',
    message: `The passphrase does not open the backup repository at ${location}.`,
    recommendedAction: 'Enter the encryption passphrase this server was registered with.',
    target: location,
  });
}

/** A master key (or a replication target, or an envelope) that is not this repository's. */
export function keyMismatch(location: string, what: string): DomainError {
  return new DomainError({
    id: 'RepositoryKeyMismatch',
    category: 'SecurityError',
    message: `${what} does not match the key of the backup repository at ${location}.`,
    recommendedAction: "Use the master key or passphrase this repository was created with.",
    target: location,
  });
}

/** An object the repository needs is damaged or missing. */
export function repositoryCorrupt(location: string, detail: string): DomainError {
  return new DomainError({
    id: 'RepositoryCorrupt',
    category: 'InvalidData',
    message: `The backup repository at ${location} is damaged: ${detail}.`,
    recommendedAction: 'Run a verify of the repository to see every damaged object, then back up again or restore from the online copy.',
    target: location,
  });
}

/** Another live writer holds the lock. */
export function repositoryLocked(location: string, holder: string): DomainError {
  return new DomainError({
    id: 'RepositoryLocked',
    category: 'ResourceBusy',
    message: `The backup repository at ${location} is locked by ${holder}.`,
    recommendedAction: 'Wait for the other backup, prune or replication to finish, then try again.',
    target: location,
  });
}

/** No snapshot with that id. */
export function snapshotNotFound(location: string, snapshotId: string): DomainError {
  return new DomainError({
    id: 'SnapshotNotFound',
    category: 'ObjectNotFound',
    message: `The backup repository at ${location} has no snapshot ${snapshotId}.`,
    recommendedAction: 'List the snapshots of the repository and use one of their ids.',
    target: snapshotId,
  });
}

/** An 'unchanged' entry whose path the parent snapshot holds no file at. */
export function unchangedEntryMissing(location: string, path: string, parent: string | null): DomainError {
  return new DomainError({
    id: 'UnchangedEntryMissing',
    category: 'InvalidData',
    message:
      parent === null
        ? `The entry '${path}' was reported unchanged, but the backup into ${location} has no parent snapshot.`
        : `The entry '${path}' was reported unchanged, but the parent snapshot ${parent} in ${location} holds no file at that path.`,
    recommendedAction: 'Run a full backup, which reads every file.',
    target: path,
  });
}
