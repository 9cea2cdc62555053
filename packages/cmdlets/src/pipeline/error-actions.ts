/**
 * What happens to a record a command writes, by its action preference (the command's
 * -ErrorAction/-WarningAction/..., else the preference variable seen from its caller's scope),
 * as PowerShell's command runtime does it:
 *
 * - Ignore: dropped, no trace (though `$?` still turns false for an error);
 * - SilentlyContinue: kept in $Error and the -ErrorVariable/-WarningVariable lists, not shown;
 * - Continue: kept and sent to the command's targets (the host, or a redirection);
 * - Stop: thrown as a script-terminating error; for an error it is the original record
 *   (ActionPreferenceStopException carries it), so `catch [ItemNotFoundException]` still matches;
 * - Inquire: the user is asked (Yes, Yes to All, Halt Command) before it goes on.
 */
import type { ErrorRecord, InvocationInfo, Scope, ProgressRecord, VariableLists } from '@dpmsh/runtime';
import { PipelineStoppedError, RuntimeError, PSList, PSSwitch, DebugRecord, InformationRecord, VerboseRecord, WarningRecord } from '@dpmsh/runtime';
import type { ActionPreference, Session } from '../session/session.js';
import { toActionPreference } from '../session/preferences.js';
import type { ActionPreferenceVariable } from '../session/preferences.js';
import { inquire, preferenceStop } from './prompts.js';
import type { DeliveryQueue, StreamTargets } from './streams.js';

/** The common parameters of one invocation, read from its bound values. */
export interface CommonParameterValues {
  readonly errorAction?: ActionPreference;
  readonly warningAction?: ActionPreference;
  readonly informationAction?: ActionPreference;
  readonly progressAction?: ActionPreference;
  /** -Verbose given: true, false for -Verbose:$false. */
  readonly verbose?: boolean;
  readonly debug?: boolean;
  readonly whatIf?: boolean;
  readonly confirm?: boolean;
  readonly errorVariable?: string;
  readonly warningVariable?: string;
  readonly informationVariable?: string;
  readonly outVariable?: string;
  readonly pipelineVariable?: string;
}

function switchValue(value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (value instanceof PSSwitch) return value.isPresent;
  return value === true;
}

function stringValue(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The common parameters among a command's bound values (names as the binder declares them). */
export function commonParameterValues(values: ReadonlyMap<string, unknown>): CommonParameterValues {
  return {
    errorAction: toActionPreference(values.get('ErrorAction')),
    warningAction: toActionPreference(values.get('WarningAction')),
    informationAction: toActionPreference(values.get('InformationAction')),
    progressAction: toActionPreference(values.get('ProgressAction')),
    verbose: switchValue(values.get('Verbose')),
    debug: switchValue(values.get('Debug')),
    whatIf: switchValue(values.get('WhatIf')),
    confirm: switchValue(values.get('Confirm')),
    errorVariable: stringValue(values.get('ErrorVariable')),
    warningVariable: stringValue(values.get('WarningVariable')),
    informationVariable: stringValue(values.get('InformationVariable')),
    outVariable: stringValue(values.get('OutVariable')),
    pipelineVariable: stringValue(values.get('PipelineVariable')),
  };
}

/**
 * Prepares the list a `-XxxVariable name` collects into, in the caller's scope: a new empty
 * ArrayList, or with `+name` the existing list (a non-list value becomes the list's first items).
 */
export function collectingVariable(scope: Scope, spec: string): PSList {
  const append = spec.startsWith('+');
  const name = append ? spec.slice(1) : spec;
  let list: PSList;
  const existing = append ? scope.lookup(name)?.value : undefined;
  if (existing instanceof PSList) list = existing;
  else if (Array.isArray(existing)) list = new PSList(existing);
  else if (existing !== undefined && existing !== null) list = new PSList([existing]);
  else list = new PSList();
  setVariable(scope, name, list);
  return list;
}

/** Sets a variable in this very scope, creating it there if needed (how -OutVariable and friends assign). */
export function setVariable(scope: Scope, name: string, value: unknown): void {
  const local = scope.local(name);
  if (local && !local.options.readOnly && !local.options.constant) local.value = local.constrain ? local.constrain(value) : value;
  else if (!local) scope.define({ name, value, options: {} });
}

/** What a command runtime is built from. */
export interface CommandRuntimeInit {
  readonly session: Session;
  /** The caller's scope: preferences are read there. */
  readonly scope: Scope;
  readonly invocation: InvocationInfo;
  readonly common: CommonParameterValues;
  readonly targets: StreamTargets;
  readonly variableLists: VariableLists;
  readonly delivery: DeliveryQueue;
  readonly signal: AbortSignal;
  /** Marks the pipeline as failed (`$?` false). */
  readonly failed: () => void;
}

type Stream = 'error' | 'warning' | 'verbose' | 'debug' | 'information';

const PREFERENCE_VARIABLES: Readonly<Record<Stream | 'progress', ActionPreferenceVariable>> = {
  error: 'ErrorActionPreference',
  warning: 'WarningPreference',
  verbose: 'VerbosePreference',
  debug: 'DebugPreference',
  information: 'InformationPreference',
  progress: 'ProgressPreference',
};

/** The streams of one command invocation, with its preferences applied. */
export class CommandRuntime {
  readonly #init: CommandRuntimeInit;
  readonly #preferences = new Map<Stream | 'progress', ActionPreference>();
  /** Streams the user answered "Yes to All" for at an Inquire prompt. */
  readonly #yesToAll = new Set<Stream>();

  constructor(init: CommandRuntimeInit) {
    this.#init = init;
  }

  get invocation(): InvocationInfo {
    return this.#init.invocation;
  }

  get targets(): StreamTargets {
    return this.#init.targets;
  }

  get variableLists(): VariableLists {
    return this.#init.variableLists;
  }

  /** The action preference in force for a stream. */
  preference(stream: Stream | 'progress'): ActionPreference {
    let p = this.#preferences.get(stream);
    if (p === undefined) {
      p = this.#explicit(stream) ?? this.#init.session.preference(this.#init.scope, PREFERENCE_VARIABLES[stream]);
      this.#preferences.set(stream, p);
    }
    return p;
  }

  #explicit(stream: Stream | 'progress'): ActionPreference | undefined {
    const c = this.#init.common;
    switch (stream) {
      case 'error':
        return c.errorAction;
      case 'warning':
        return c.warningAction;
      case 'information':
        return c.informationAction;
      case 'progress':
        return c.progressAction;
      case 'verbose':
        return c.verbose === undefined ? undefined : c.verbose ? 'Continue' : 'SilentlyContinue';
      case 'debug':
        return c.debug === undefined ? undefined : c.debug ? 'Continue' : 'SilentlyContinue';
    }
  }

  #checkStopping(): void {
    if (this.#init.signal.aborted) throw new PipelineStoppedError();
  }

  /** Gives a record without a position this command's invocation. */
  claim(record: ErrorRecord): ErrorRecord {
    const own = this.#init.invocation;
    const info = record.invocationInfo;
    if (!info) record.invocationInfo = own;
    else if (!info.extent && own.extent && (!info.commandName || info.commandName === own.commandName)) {
      record.invocationInfo = { ...own, ...info, extent: own.extent, scriptName: info.scriptName ?? own.scriptName };
    } else if (own.implementingType && !info.implementingType && info.commandName === own.commandName) {
      record.invocationInfo = { ...info, implementingType: own.implementingType };
    }
    return record;
  }

  /** A non-terminating error. */
  writeError(record: ErrorRecord): void {
    this.#checkStopping();
    this.claim(record);
    this.#init.failed();
    const preference = this.#yesToAll.has('error') ? 'Continue' : this.preference('error');
    switch (preference) {
      case 'Ignore':
        return;
      case 'Stop':
        throw new RuntimeError(record, 'script');
      case 'SilentlyContinue':
        this.keepError(record);
        return;
      case 'Inquire':
        this.#init.delivery.run(async () => {
          await this.#ask('error', record.message);
          this.keepError(record);
          await this.#init.targets.error(record);
        });
        return;
      default:
        this.keepError(record);
        this.#init.delivery.run(() => this.#init.targets.error(record));
    }
  }

  /** Records an error in $Error and every -ErrorVariable list that sees this command. */
  keepError(record: ErrorRecord): void {
    this.#init.session.recordError(record);
    for (const list of this.#init.variableLists.error) if (!list.items.includes(record)) list.items.push(record);
  }

  /** A terminating error leaving this command: `$?` false, $Error and -ErrorVariable get it once. */
  terminated(record: ErrorRecord): void {
    this.claim(record);
    this.#init.failed();
    this.keepError(record);
  }

  async #ask(stream: Stream, message: string): Promise<void> {
    const answer = await inquire(this.#init.session.host, message);
    if (answer === 'YesToAll') this.#yesToAll.add(stream);
  }

  /** Applies a stream's preference to an informational record; false when it goes no further. */
  #informational<T extends WarningRecord | VerboseRecord | DebugRecord | InformationRecord>(
    stream: Exclude<Stream, 'error'>,
    record: T,
    preference: ActionPreference,
    keep: (record: T) => void,
    deliver: (record: T) => void | Promise<void>,
  ): void {
    this.#checkStopping();
    if (this.#yesToAll.has(stream)) preference = 'Continue';
    switch (preference) {
      case 'Ignore':
        return;
      case 'Stop':
        throw new RuntimeError(this.claim(preferenceStop(PREFERENCE_VARIABLES[stream], String(record))), 'script');
      case 'SilentlyContinue':
        keep(record);
        return;
      case 'Inquire':
        this.#init.delivery.run(async () => {
          await this.#ask(stream, String(record));
          keep(record);
          await deliver(record);
        });
        return;
      default:
        keep(record);
        this.#init.delivery.run(() => deliver(record));
    }
  }

  writeWarning(message: string): void {
    const lists = this.#init.variableLists.warning;
    this.#informational('warning', new WarningRecord(message, this.#init.invocation), this.preference('warning'), (r) => lists.forEach((l) => l.items.push(r)), (r) => this.#init.targets.warning(r));
  }

  writeVerbose(message: string): void {
    this.#informational('verbose', new VerboseRecord(message, this.#init.invocation), this.preference('verbose'), () => undefined, (r) => this.#init.targets.verbose(r));
  }

  writeDebug(message: string): void {
    this.#informational('debug', new DebugRecord(message, this.#init.invocation), this.preference('debug'), () => undefined, (r) => this.#init.targets.debug(r));
  }

  /** Write-Information and Write-Host: Write-Host's records show unless -InformationAction says otherwise. */
  writeInformation(data: unknown, tags: readonly string[] = []): void {
    const record = new InformationRecord(data, this.#init.invocation.commandName ?? '', tags);
    const preference = this.#init.common.informationAction ?? (record.fromHost ? 'Continue' : this.preference('information'));
    const lists = this.#init.variableLists.information;
    this.#informational('information', record, preference, (r) => lists.forEach((l) => l.items.push(r)), (r) => this.#init.targets.information(r));
  }

  /** Write-Progress: shown unless the progress preference is SilentlyContinue or Ignore. */
  writeProgress(record: ProgressRecord): void {
    this.#checkStopping();
    const preference = this.preference('progress');
    if (preference === 'SilentlyContinue' || preference === 'Ignore') return;
    this.#init.targets.progress(record);
  }

  /** Waits for pending deliveries and prompts; throws what they threw (Halt Command...). */
  flush(): Promise<void> {
    return this.#init.delivery.flush();
  }
}
