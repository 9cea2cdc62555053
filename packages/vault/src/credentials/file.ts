import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { IssuedCredentials } from '../client.js';

/**
 * Writes issued credentials into `folder` (created owner-only if missing) as `fileName`, mode 0600,
 * replacing a file of the same name; returns the file's path.
 */
export async function saveVaultCredentialsFile(
  folder: string,
  credentials: Pick<IssuedCredentials, 'fileName' | 'content'>,
): Promise<string> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const target = join(folder, credentials.fileName);
  // Written beside the target and renamed over it, so the private key is never in a file with a
  // looser mode and a reader never sees half a file; a second download on the same day replaces
  // the first, which is superseded anyway.
  const temporary = join(folder, `.${credentials.fileName}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(credentials.content, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return target;
}
