/**
 * A session: the state one shell holds across statements. Global scope and its automatic and
 * preference variables, the command registry, the host, the current location, $Error, the
 * interpreter's services, and the format views and type data.
 */
import { homedir } from 'node:os';
import type { Host } from '../host/host.js';
import { Scope, RuntimeError, PSNumber, TypeTable } from '@dpmsh/runtime';
import { standardFormatTable, type FormatTable } from '../formatting/views.js';
import type { ScriptEngine } from './engine.js';
import type { ErrorRecord } from '@dpmsh/runtime';
import { CommandRegistry } from './registry.js';
import { ServiceMap } from './services.js';
import type { ServiceKey } from './services.js';
import { defineInitialVariables } from './variables.js';
import { isDirectory, pathNotFound, resolveFileSystemPath } from './location.js';
import type { ActionPreferenceVariable, ConfirmImpact } from './preferences.js';
import { actionPreference, confirmPreference, whatIfPreference } from './preferences.js';

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
  /** dpmsh's own version, shown as $PSVersionTable.DpmshVersion. */
  readonly dpmshVersion?: string;
}

const DEFAULT_MAXIMUM_ERROR_COUNT = 256;

/** The state of one shell. */
export class Session {
  readonly globalScope = new Scope('global');
  readonly host: Host;
  /** $Error: newest first, at most $MaximumErrorCount entries. */
  readonly errors: ErrorRecord[] = [];
  readonly environment: NodeJS.ProcessEnv;
  readonly dpmshHome: string;
  /** $HOME. */
  readonly home: string;
  /** dpmsh's version ($PSVersionTable.DpmshVersion). */
  readonly dpmshVersion: string;
  /** The current location; independent of process.cwd() so sessions never disturb each other. */
  location: string;
  /** `$?`: whether the last statement succeeded. The interpreter sets it after every statement. */
  lastSuccess = true;
  /** Cmdlets, aliases, functions and PATH lookups. */
  readonly registry: CommandRegistry;
  /** Typed slots for domain modules (a server connection...); closed by `dispose()`. */
  readonly services = new ServiceMap();
  /** The format views: the standard ones, and those the session's modules add. */
  readonly formats: FormatTable = standardFormatTable();
  /** Extended type data (default display property sets) the session's modules add. */
  readonly types = new TypeTable();
  #engine: ScriptEngine | undefined;

  constructor(options: SessionOptions) {
    this.host = options.host;
    this.location = options.location ?? process.cwd();
    this.environment = options.environment ?? process.env;
    this.home = options.home ?? this.environment.HOME ?? homedir();
    this.dpmshHome = options.dpmshHome ?? `${this.home}/.dpmsh`;
    this.dpmshVersion = options.dpmshVersion ?? '0.0.0';
    this.registry = new CommandRegistry({
      path: () => this.environment.PATH ?? this.environment.Path,
      resolvePath: (path) => this.resolvePath(path),
      compile: (source) => (this.#engine ? this.#engine.compile(source) : undefined),
    });
    defineInitialVariables(this.globalScope, this);
  }

  /** The interpreter's services; the language registers them when it creates the session. */
  get engine(): ScriptEngine {
    if (!this.#engine) throw new Error('bug: no script engine registered on the session');
    return this.#engine;
  }
  set engine(engine: ScriptEngine) {
    this.#engine = engine;
  }

  /** True once the language has registered its engine. */
  get hasEngine(): boolean {
    return this.#engine !== undefined;
  }

  // ---- location -----------------------------------------------------------------------------

  /** A file-system path made absolute against the current location (`~` is $HOME, `\` a separator). */
  resolvePath(path: string): string {
    return resolveFileSystemPath(path, { location: this.location, home: this.home });
  }

  /** Changes the current location; throws Set-Location's PathNotFound error when it is not a directory. */
  setLocation(path: string): string {
    const target = this.resolvePath(path);
    if (!isDirectory(target)) throw new RuntimeError(pathNotFound(target));
    this.location = target;
    return target;
  }

  // ---- preferences --------------------------------------------------------------------------

  /** An ActionPreference variable as seen from a scope, converted from whatever it holds. */
  preference(scope: Scope, name: ActionPreferenceVariable): ActionPreference {
    return actionPreference(scope, name);
  }

  /** $ConfirmPreference as seen from a scope. */
  confirmPreference(scope: Scope): ConfirmImpact {
    return confirmPreference(scope);
  }

  /** $WhatIfPreference as seen from a scope. */
  whatIfPreference(scope: Scope): boolean {
    return whatIfPreference(scope);
  }

  // ---- errors -------------------------------------------------------------------------------

  /** Adds a record to $Error (newest first, trimmed to $MaximumErrorCount) unless it is already there. */
  recordError(record: ErrorRecord): void {
    if (record.recorded) return;
    record.recorded = true;
    this.errors.unshift(record);
    const max = this.#maximumErrorCount();
    if (this.errors.length > max) this.errors.length = max;
  }

  #maximumErrorCount(): number {
    let value = this.globalScope.lookup('MaximumErrorCount')?.value;
    if (value instanceof PSNumber) value = value.value;
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : DEFAULT_MAXIMUM_ERROR_COUNT;
  }

  // ---- services -----------------------------------------------------------------------------

  /** The service stored under a key, if any. */
  getService<T>(key: ServiceKey<T>): T | undefined {
    return this.services.get(key);
  }

  /** Stores a service under a key. */
  setService<T>(key: ServiceKey<T>, value: T): void {
    this.services.set(key, value);
  }

  /** Closes every service (server connections...). The session is not used afterwards. */
  async dispose(): Promise<void> {
    await this.services.disposeAll();
  }
}
