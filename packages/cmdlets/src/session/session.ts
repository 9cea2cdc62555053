/**
 * A session: the state one shell holds across statements. Global scope and its automatic and
 * preference variables, the command registry, the host, the current location, $Error, the
 * interpreter's services, and the format views.
 */
import type { Host } from './host.js';
import { Scope } from './scope.js';
import type { ScriptEngine } from './engine.js';
import type { ErrorRecord } from '../runtime/errors.js';

/** $ErrorActionPreference and -ErrorAction values. */
export type ActionPreference = 'SilentlyContinue' | 'Stop' | 'Continue' | 'Inquire' | 'Ignore' | 'Suspend' | 'Break';

/** Options a session starts with. */
export interface SessionOptions {
  readonly host: Host;
  /** Starting location; defaults to the process's working directory. */
  readonly location?: string;
  /** $HOME and the dpmsh home ($DPMSH_HOME) where state lives. */
  readonly home?: string;
  readonly dpmshHome?: string;
  /** Environment ($env:), defaults to process.env. */
  readonly environment?: NodeJS.ProcessEnv;
}

/** The state of one shell. */
export class Session {
  readonly globalScope = new Scope('global');
  readonly host: Host;
  /** $Error: newest first, at most $MaximumErrorCount entries. */
  readonly errors: ErrorRecord[] = [];
  readonly environment: NodeJS.ProcessEnv;
  readonly dpmshHome: string;
  /** The current location; independent of process.cwd() so sessions never disturb each other. */
  location: string;
  #engine: ScriptEngine | undefined;

  constructor(options: SessionOptions) {
    this.host = options.host;
    this.location = options.location ?? process.cwd();
    this.environment = options.environment ?? process.env;
    this.dpmshHome = options.dpmshHome ?? `${options.home ?? this.environment.HOME ?? ''}/.dpmsh`;
  }

  /** The interpreter's services; the language registers them when it creates the session. */
  get engine(): ScriptEngine {
    if (!this.#engine) throw new Error('bug: no script engine registered on the session');
    return this.#engine;
  }
  set engine(engine: ScriptEngine) {
    this.#engine = engine;
  }
}
