/** What the location cmdlets share: the Push-Location stack, the `cd -` / `cd +` history, and how a target folder is resolved. */
import type { CmdletContext } from '../session/cmdlet.js';
import { errorRecord } from '@dpmsh/runtime';
import { ServiceKey } from '../session/services.js';
import type { Session } from '../session/session.js';
import { itemNotFound, resolveItemPaths, statOrUndefined } from './item-paths.js';

/** A session's locations: the Push-Location stack (top last) and the `cd -` / `cd +` history. */
interface LocationState {
  readonly stack: string[];
  readonly back: string[];
  readonly forward: string[];
}

const LOCATIONS = new ServiceKey<LocationState>('management.locations');

/** The location state of a session, created on first use. */
export function locationsOf(session: Session): LocationState {
  let state = session.getService(LOCATIONS);
  if (!state) {
    state = { stack: [], back: [], forward: [] };
    session.setService(LOCATIONS, state);
  }
  return state;
}

/** Resolves a Set-Location target (wildcards allowed when it names one folder) or reports pwsh's error. */
export function directoryTarget(ctx: CmdletContext<{ Path?: string; LiteralPath?: string }>, given: string, literal: boolean): string | undefined {
  const resolved = resolveItemPaths(ctx.session, given, literal);
  const folders = resolved.paths.filter((p) => statOrUndefined(p)?.isDirectory());
  if (folders.length === 1) return folders[0];
  if (folders.length > 1) {
    ctx.writeError(
      errorRecord(`Cannot set the location because path '${given}' resolved to multiple containers. You can only the set the same location to a single container at a time.`, 'PathResolvedToMultiple', 'InvalidArgument', {
        typeName: 'System.Management.Automation.PSArgumentException',
        targetObject: given,
      }),
    );
    return undefined;
  }
  ctx.writeError(itemNotFound(resolved.full));
  return undefined;
}

/** Changes the location, keeping the history `cd -` walks back. */
export function moveTo(session: Session, target: string, history: 'record' | 'back' | 'forward'): void {
  const state = locationsOf(session);
  const previous = session.location;
  session.location = target;
  if (history === 'record') {
    if (previous !== target) state.back.push(previous);
    state.forward.length = 0;
  } else if (history === 'back') state.forward.push(previous);
  else state.back.push(previous);
}
