/** dpmsh manages the server it runs on: a -DPMServerName naming another server is refused. */
import { hostname } from 'node:os';
import { errorRecord, terminate } from '@dpmsh/runtime';

/** Refuses a server name that is not this server's (localhost, '.', its name or host name are). */
export function assertThisServer(name: string | undefined, serverName: string): void {
  if (name === undefined) return;
  const wanted = name.toLowerCase();
  if (wanted === 'localhost' || wanted === '.' || wanted === serverName.toLowerCase() || wanted === hostname().toLowerCase()) return;
  terminate(
    errorRecord(`The server '${name}' is not this dpmsh server ('${serverName}'). dpmsh manages the server it runs on; run the command there.`, 'RemoteServerNotSupported', 'InvalidArgument', { targetObject: name }),
  );
}
