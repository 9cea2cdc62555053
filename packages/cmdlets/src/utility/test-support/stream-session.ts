/** Runs the stream-writing cmdlets and Read-Host in a session with the standard commands, for their tests. */
import { installStandardCommands } from '../../install.js';
import { runPipeline } from '../../pipeline/run.js';
import { RecordingHost } from '../../session/recording-host.js';
import { Session } from '../../session/session.js';
import type { CommandArgument } from '../../binder/types.js';

/** A positional argument. */
export const value = (v: unknown): CommandArgument => ({ kind: 'value', value: v });
/** A named argument with its value. */
export const named = (name: string, v: unknown): CommandArgument => ({ kind: 'parameter', name, value: v, hasValue: true });
/** A switch argument. */
export const flag = (name: string): CommandArgument => ({ kind: 'parameter', name, hasValue: false });

/** A session with the standard commands and its recording host. */
export function setup(options: { interactive?: boolean; lines?: string[] } = {}): { host: RecordingHost; session: Session } {
  const host = new RecordingHost(options);
  const session = new Session({ host, environment: { PATH: '' } });
  installStandardCommands(session);
  return { host, session };
}

/** Runs one cmdlet in the global scope, optionally merging the information stream into the output; what it output. */
export async function run(session: Session, name: string, args: CommandArgument[], options: { redirect6?: boolean } = {}): Promise<unknown[]> {
  const out: unknown[] = [];
  await runPipeline({
    session,
    scope: session.globalScope,
    elements: [{ command: session.registry.require(name, session.globalScope), args, redirections: options.redirect6 ? [{ kind: 'merge', from: 'information', to: 'output' }] : undefined }],
    sink: (v) => void out.push(v),
    signal: new AbortController().signal,
  });
  return out;
}
