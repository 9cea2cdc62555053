/**
 * The DPM cmdlets' way to the protection server: one server per session, opened on first use over
 * the session's dpmsh home through the factory the module was installed with, closed with the
 * session. Only a cmdlet that reaches the server loads it: a session that never does pays nothing
 * for the catalog, the engine, the vault or their native modules.
 */
import type { CmdletContext, Session } from '@dpmsh/cmdlets';
import { ServiceKey } from '@dpmsh/cmdlets';
import type { ProtectionServer } from '@dpmsh/server';

/** What a session adds to the home when it opens its server. */
export interface ServerSessionOptions {
  /** The session's $env:DPMSH_PASSPHRASE_FILE: a file holding the passphrase that opens a wrapped master key. */
  readonly passphraseFile?: string;
}

/** Opens the protection server of a dpmsh home. */
export type ServerFactory = (home: string, options?: ServerSessionOptions) => Promise<ProtectionServer>;

/** The default factory: loads the server package on its first call and opens the home's server. */
export const openProtectionServer: ServerFactory = async (home, options = {}) => {
  const { ProtectionServer } = await import('@dpmsh/server');
  return ProtectionServer.open({ home, ...options });
};

/** The session's server, opening or open; the session closes it through `close`. */
class ServerHandle {
  constructor(readonly server: Promise<ProtectionServer>) {}
  async close(): Promise<void> {
    await (await this.server).close();
  }
}

const FACTORY = new ServiceKey<ServerFactory>('dpm.server-factory');
const SERVER = new ServiceKey<ServerHandle>('dpm.server');

/** Sets how a session's DPM cmdlets open their server. */
export function useServerFactory(session: Session, factory: ServerFactory): void {
  session.services.set(FACTORY, factory);
}

/** The protection server of the command's session, opened on first use. */
export function serverOf(ctx: CmdletContext<unknown>): Promise<ProtectionServer> {
  const services = ctx.session.services;
  let handle = services.get(SERVER);
  if (!handle) {
    const open = services.get(FACTORY) ?? openProtectionServer;
    const passphraseFile = ctx.session.environment.DPMSH_PASSPHRASE_FILE;
    const opened = open(ctx.session.dpmshHome, passphraseFile ? { passphraseFile: ctx.session.resolvePath(passphraseFile) } : {});
    handle = new ServerHandle(opened);
    // A failed open is not kept: the next command tries again (the user may fix the home first).
    opened.catch(() => services.delete(SERVER));
    services.set(SERVER, handle);
  }
  return handle.server;
}
