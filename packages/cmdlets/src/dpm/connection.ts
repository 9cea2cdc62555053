/**
 * The DPM cmdlets' way to the protection server: one server per session, opened on first use over
 * the session's dpmsh home, closed with the session.
 */
import { ProtectionServer } from '@dpmsh/server';
import type { CmdletContext } from '../pipeline/types.js';
import { ServiceKey } from '../session/services.js';

/** The session's server, opening or open; the session closes it through `close`. */
class ServerHandle {
  constructor(readonly server: Promise<ProtectionServer>) {}
  async close(): Promise<void> {
    await (await this.server).close();
  }
}

const SERVER = new ServiceKey<ServerHandle>('dpm.server');

/** The protection server of the command's session, opened on first use. */
export function serverOf(ctx: CmdletContext<unknown>): Promise<ProtectionServer> {
  const services = ctx.session.services;
  let handle = services.get(SERVER);
  if (!handle) {
    const opened = ProtectionServer.open({ home: ctx.session.dpmshHome });
    handle = new ServerHandle(opened);
    // A failed open is not kept: the next command tries again (the user may fix the home first).
    opened.catch(() => services.delete(SERVER));
    services.set(SERVER, handle);
  }
  return handle.server;
}
