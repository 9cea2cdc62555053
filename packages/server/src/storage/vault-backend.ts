/**
 * The vault as an object backend for the engine: the online copy's repository is a set of
 * objects in the server's own store of the vault. The vault only ever sees what the engine
 * writes, which is encrypted and named by keyed hashes.
 */
import type { ObjectBackend } from '@dpmsh/engine';
import type { VaultClient } from '@dpmsh/vault';

/** An ObjectBackend over the vault objects of a registered server. */
export function vaultBackend(vault: VaultClient, serverId: string, vaultName: string): ObjectBackend {
  return {
    location: `vault ${vaultName}`,
    async read(name) {
      try {
        return await vault.getObject(serverId, name);
      } catch (error) {
        throw asMissing(error, name, vaultName);
      }
    },
    write: (name, data) => vault.putObject(serverId, name, data),
    list: (prefix) => vault.listObjects(serverId, prefix),
    delete: (name) => vault.deleteObject(serverId, name),
  };
}

/** A missing object reaches the engine as ENOENT whatever the client made of it (a remote client rebuilds a DomainError). */
function asMissing(error: unknown, name: string, vaultName: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const id = (error as { id?: unknown } | null)?.id;
  if (code === 'ENOENT' || id === 'ObjectNotFound' || id === 'VaultObjectNotFound') {
    return Object.assign(new Error(`The vault '${vaultName}' holds no object '${name}'.`), { code: 'ENOENT' as const, cause: error });
  }
  return error;
}
