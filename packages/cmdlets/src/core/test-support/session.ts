/** What the Core cmdlet tests share: a session with the standard commands, and a way to run one command. */
import { installStandardCommands } from '../../install.js';
import { runPipeline } from '../../pipeline/run.js';
import { RecordingHost } from '../../session/recording-host.js';
import { Session } from '../../session/session.js';
import type { CommandArgument } from '../../binder/types.js';

/** A session with the standard commands and an empty PATH. */
export function session(): Session {
  const s = new Session({ host: new RecordingHost(), environment: { PATH: '' } });
  installStandardCommands(s);
  return s;
}

/** Runs one command with the given arguments; what it outputs. */
export async function run(s: Session, name: string, args: CommandArgument[]): Promise<unknown[]> {
  const out: unknown[] = [];
  await runPipeline({ session: s, scope: s.globalScope, elements: [{ command: s.registry.require(name, s.globalScope), args }], sink: (v) => void out.push(v), signal: new AbortController().signal });
  return out;
}
