/**
 * Interpreter state that lives as long as a session: `$?`.
 */
import type { Session } from '@dpmsh/cmdlets';

/** The interpreter's per-session state. */
export class InterpreterSessionState {
  /** `$?`: whether the last statement succeeded. */
  lastSuccess = true;
}

const states = new WeakMap<Session, InterpreterSessionState>();

/** The interpreter state of a session. */
export function sessionState(session: Session): InterpreterSessionState {
  let state = states.get(session);
  if (!state) {
    state = new InterpreterSessionState();
    states.set(session, state);
  }
  return state;
}
