/** Runs the *-Variable and *-Alias cmdlets in a session with the standard commands, for their tests. */
import { runPipeline } from '../../pipeline/run.js';
import type { ErrorRecord } from '@dpmsh/runtime';
import { RecordingHost } from '../../session/recording-host.js';
import { Session } from '../../session/session.js';
import { installStandardCommands } from '../../install.js';
import type { CommandArgument } from '../../binder/types.js';

/** A session with the standard commands, whose host run() reads the errors from. */
export function setup(): Session {
  const session = new Session({ host: new RecordingHost(), environment: { PATH: '' } });
  hosts.set(session, session.host as RecordingHost);
  installStandardCommands(session);
  return session;
}

const hosts = new WeakMap<Session, RecordingHost>();
/** A named argument with its value. */
export const named = (name: string, value: unknown): CommandArgument => ({ kind: 'parameter', name, value, hasValue: true });
/** A switch argument. */
export const flag = (name: string): CommandArgument => ({ kind: 'parameter', name, hasValue: false });
/** A positional argument. */
export const value = (v: unknown): CommandArgument => ({ kind: 'value', value: v });

/** Runs one cmdlet in a scope; what it output and the errors it wrote. */
export async function run(session: Session, command: string, args: CommandArgument[], scope = session.globalScope): Promise<{ out: unknown[]; errors: ErrorRecord[] }> {
  const out: unknown[] = [];
  const host = hosts.get(session);
  const before = host?.errorRecords.length ?? 0;
  const info = session.registry.cmdlet(command);
  if (!info) throw new Error(`no ${command}`);
  await runPipeline({
    session,
    scope,
    elements: [{ command: info, args }],
    sink: (v) => void out.push(v),
    signal: new AbortController().signal,
  });
  return { out, errors: host?.errorRecords.slice(before) ?? [] };
}
