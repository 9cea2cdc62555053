/**
 * One command of a running pipeline: its bound parameters, its runtime (streams, preferences,
 * ShouldProcess), its processor (a compiled cmdlet's blocks, or the engine's processor for a
 * function, script or program), and the bookkeeping the runner needs: whether it has begun,
 * whether a downstream command stopped it, which block is running.
 */
import type { BindState, BoundParameters, CommandArgument } from '../binder/types.js';
import { bindPipelineInput, evaluateDelayBind, isBindFailure, validateScripts } from '../binder/index.js';
import type { CommandMetadata } from '../metadata/command.js';
import type { InvocationInfo, PSList, Scope, ProcessorStreams, PipelineStreams, VariableLists } from '@dpmsh/runtime';
import { asRuntimeError, PipelineStoppedError, RuntimeError, enumerableItems, NO_VARIABLE_LISTS } from '@dpmsh/runtime';
import type { CommandInfo } from '../session/commands.js';
import type { Session } from '../session/session.js';
import { toConfirmImpact } from '../session/preferences.js';
import { StageContext } from './context.js';
import { CommandRuntime, collectingVariable, commonParameterValues, setVariable } from './error-actions.js';
import type { CommonParameterValues } from './error-actions.js';
import { ShouldProcessRuntime } from './should-process.js';
import { DeliveryQueue } from './streams.js';
import type { StreamTargets } from './streams.js';
import type { CommandProcessor } from '../session/cmdlet.js';

/** A command the runner can run (aliases are resolved before). */
export type RunnableCommand = Exclude<CommandInfo, { kind: 'Alias' }>;

/** A command once its arguments are bound. */
export interface PreparedCommand {
  readonly command: RunnableCommand;
  readonly invocation: InvocationInfo;
  readonly expectingInput: boolean;
  readonly args: readonly CommandArgument[];
  /** Absent for native programs, which bind nothing. */
  readonly metadata?: CommandMetadata;
  readonly state?: BindState;
}

/** What every stage of one pipeline shares. */
export interface StageEnvironment {
  readonly session: Session;
  readonly scope: Scope;
  readonly signal: AbortSignal;
  readonly hostContext?: unknown;
  /** The streams of the command this pipeline runs inside, if any. */
  readonly inherited?: PipelineStreams;
  /** Marks the pipeline failed (`$?` false). */
  readonly failed: () => void;
}

type Phase = 'idle' | 'begin' | 'process' | 'end' | 'clean';

/** Terminating errors already counted by the command they came from, so upstream commands pass them on untouched. */
const counted = new WeakSet<RuntimeError>();

const EMPTY_BINDING: BoundParameters = { parameterSetName: '', values: new Map(), unboundArguments: [] };

/** One command of a running pipeline. */
export class Stage {
  readonly prepared: PreparedCommand;
  readonly runtime: CommandRuntime;
  readonly context: StageContext;
  readonly shouldProcess: ShouldProcessRuntime;
  readonly streams: ProcessorStreams;
  readonly delivery = new DeliveryQueue();
  readonly #env: StageEnvironment;
  readonly #common: CommonParameterValues;
  readonly #lists: VariableLists;
  #targets: StreamTargets | undefined;
  #processor: CommandProcessor | undefined;
  #outList: PSList | undefined;
  #phase: Phase = 'idle';
  #validates: boolean | undefined;
  /** True once begin has been called (it runs at most once). */
  began = false;
  /** True when a downstream command asked its upstream to stop. */
  stopped = false;

  constructor(prepared: PreparedCommand, env: StageEnvironment) {
    this.prepared = prepared;
    this.#env = env;
    const bound = prepared.state ?? EMPTY_BINDING;
    this.#common = prepared.metadata?.cmdletBinding ? commonParameterValues(bound.values) : {};
    this.#lists = this.#variableLists(env.inherited?.variableLists ?? NO_VARIABLE_LISTS);
    this.runtime = new CommandRuntime({
      session: env.session,
      scope: env.scope,
      invocation: prepared.invocation,
      common: this.#common,
      // The runtime asks for the targets only when a record is delivered, after `connect`.
      targets: {
        output: (v) => this.targets.output(v),
        error: (r) => this.targets.error(r),
        warning: (r) => this.targets.warning(r),
        verbose: (r) => this.targets.verbose(r),
        debug: (r) => this.targets.debug(r),
        information: (r) => this.targets.information(r),
        progress: (r) => this.targets.progress(r),
      },
      variableLists: this.#lists,
      delivery: this.delivery,
      signal: env.signal,
      failed: env.failed,
    });
    const metadata = prepared.metadata;
    this.shouldProcess = new ShouldProcessRuntime({
      host: env.session.host,
      commandName: prepared.command.name,
      supportsShouldProcess: metadata?.supportsShouldProcess === true,
      confirmImpact: toConfirmImpact(metadata?.confirmImpact) ?? 'Medium',
      whatIf: this.#common.whatIf,
      confirm: this.#common.confirm,
      verbose: this.#common.verbose === true,
      whatIfPreference: () => env.session.whatIfPreference(env.scope),
      confirmPreference: () => env.session.confirmPreference(env.scope),
      writeVerbose: (message) => this.runtime.writeVerbose(message),
    });
    this.streams = {
      output: (value) => this.emit(value, false),
      error: (record) => this.delivery.run(() => this.targets.error(record)),
      warning: (record) => this.delivery.run(() => this.targets.warning(record)),
      verbose: (record) => this.delivery.run(() => this.targets.verbose(record)),
      debug: (record) => this.delivery.run(() => this.targets.debug(record)),
      information: (record) => this.delivery.run(() => this.targets.information(record)),
      progress: (record) => this.targets.progress(record),
      variableLists: this.#lists,
      invocation: prepared.invocation,
      reportFailure: env.failed,
    };
    this.context = new StageContext(
      {
        session: env.session,
        scope: env.scope,
        signal: env.signal,
        runtime: this.runtime,
        shouldProcess: this.shouldProcess,
        emit: (value, enumerate) => this.emit(value, enumerate),
        streams: this.streams,
        callerInvocation: env.inherited?.invocation,
      },
      bound,
    );
  }

  /** The -ErrorVariable/-WarningVariable/-InformationVariable lists, set up in the caller's scope. */
  #variableLists(inherited: VariableLists): VariableLists {
    const c = this.#common;
    const scope = this.#env.scope;
    const own = (spec: string | undefined): PSList[] => (spec ? [collectingVariable(scope, spec)] : []);
    return {
      error: [...inherited.error, ...own(c.errorVariable)],
      warning: [...inherited.warning, ...own(c.warningVariable)],
      information: [...inherited.information, ...own(c.informationVariable)],
    };
  }

  /** Where this command's streams go; set once every stage exists. */
  get targets(): StreamTargets {
    if (!this.#targets) throw new Error('bug: a pipeline stage written to before it was connected');
    return this.#targets;
  }

  /** Connects the stage to its targets and creates its processor; sets up -OutVariable and -PipelineVariable. */
  connect(targets: StreamTargets): void {
    this.#targets = targets;
    const c = this.#common;
    if (c.outVariable) this.#outList = collectingVariable(this.#env.scope, c.outVariable);
    if (c.pipelineVariable) setVariable(this.#env.scope, c.pipelineVariable, null);
    this.#processor = this.#createProcessor();
  }

  #createProcessor(): CommandProcessor {
    const { command, state, expectingInput, invocation, args } = this.prepared;
    if (command.kind === 'Cmdlet') return cmdletProcessor(command, this.context, state ?? EMPTY_BINDING);
    const binding: BoundParameters | { readonly args: readonly unknown[] } = state ?? { args: args.map(argumentValue) };
    return this.#env.session.engine.createProcessor(command, binding, {
      scope: this.#env.scope,
      invocation,
      streams: this.streams,
      signal: this.#env.signal,
      expectingInput,
      hostContext: this.#env.hostContext,
      args,
      cmdlet: this.context,
    });
  }

  get #proc(): CommandProcessor {
    if (!this.#processor) throw new Error('bug: a pipeline stage run before it was connected');
    return this.#processor;
  }

  /** True when a StopUpstreamError's requester is this command. */
  owns(requester: object): boolean {
    return requester === this.context || requester === this.#processor || requester === this.runtime || requester === this.streams;
  }

  /** Sends objects on: -OutVariable, -PipelineVariable, then the output target (the next command). */
  async emit(value: unknown, enumerate: boolean): Promise<void> {
    if (this.#env.signal.aborted) throw new PipelineStoppedError();
    // clean's output is discarded, as in PowerShell.
    if (this.#phase === 'clean') return;
    if (!this.delivery.idle) await this.delivery.flush();
    const items = enumerate ? enumerableItems(value) : undefined;
    if (!items) return this.#send(value);
    for (const item of items) {
      if (this.#env.signal.aborted) throw new PipelineStoppedError();
      await this.#send(item);
    }
  }

  #send(item: unknown): Promise<void> {
    this.#outList?.items.push(item);
    const pipelineVariable = this.#common.pipelineVariable;
    if (pipelineVariable) setVariable(this.#env.scope, pipelineVariable, item);
    return this.targets.output(item);
  }

  /** Runs begin once (lazily too: output an upstream begin writes reaches this command after its own begin). */
  async ensureBegun(): Promise<void> {
    if (this.began) return;
    this.began = true;
    await this.#call('begin', () => this.#proc.begin());
  }

  /** One object from upstream: bound to the pipeline parameters, then process. */
  async receive(input: unknown): Promise<void> {
    if (this.#env.signal.aborted) throw new PipelineStoppedError();
    if (!this.began) await this.ensureBegun();
    const state = this.prepared.state;
    if (!state) return this.#call('process', () => this.#proc.process(input));
    // The common case (no delay-bind script blocks, no ValidateScript) binds without awaiting.
    if (state.delayBind.size === 0 && !this.#hasValidateScript) {
      return this.#call('process', () => {
        const bound = this.#bindRecordNow(state, input);
        return bound ? this.#proc.process(input, bound) : undefined;
      });
    }
    await this.#call('process', async () => {
      const bound = await this.#bindRecord(state, input);
      if (bound) await this.#proc.process(input, bound);
    });
  }

  /** The one process call of a first command that has no pipeline input. */
  async runWithoutInput(): Promise<void> {
    if (!this.began) await this.ensureBegun();
    await this.#call('process', () => this.#proc.process(undefined));
  }

  /** The end block. */
  async end(): Promise<void> {
    if (!this.began) await this.ensureBegun();
    await this.#call('end', () => this.#proc.end());
  }

  /** The clean block: always, whatever happened. */
  async clean(): Promise<void> {
    if (!this.#processor) return;
    await this.#call('clean', () => this.#proc.clean());
  }

  /** True when a parameter of the command has a ValidateScript, which must run for each object. */
  get #hasValidateScript(): boolean {
    this.#validates ??= (this.prepared.metadata?.parameters ?? []).some((p) => p.validation?.some((v) => v.kind === 'script') === true);
    return this.#validates;
  }

  /** Binds one input object without script blocks to run; a failure is reported for that object and gives undefined. */
  #bindRecordNow(state: BindState, input: unknown, delayBound?: ReadonlyMap<string, unknown>): BoundParameters | undefined {
    const bound = bindPipelineInput(state, input, { delayBound });
    if (isBindFailure(bound)) {
      this.runtime.writeError(bound.error);
      return undefined;
    }
    return bound;
  }

  /** Binds one input object, running its delay-bind script blocks and ValidateScript checks. */
  async #bindRecord(state: BindState, input: unknown): Promise<BoundParameters | undefined> {
    const metadata = this.prepared.metadata;
    if (!metadata) return state;
    let delayBound: ReadonlyMap<string, unknown> | undefined;
    if (state.delayBind.size > 0) {
      const evaluated = await evaluateDelayBind(state, input);
      if ('error' in evaluated) {
        this.runtime.writeError(evaluated.error);
        return undefined;
      }
      delayBound = evaluated as ReadonlyMap<string, unknown>;
    }
    const bound = this.#bindRecordNow(state, input, delayBound);
    if (bound?.pipelineBound && bound.pipelineBound.size > 0 && this.#hasValidateScript) {
      const invalid = await validateScripts(bound, metadata, { names: bound.pipelineBound, commandName: this.prepared.command.name });
      if (invalid) {
        this.runtime.writeError(invalid.error);
        return undefined;
      }
    }
    return bound;
  }

  /** Runs one block: pending records delivered after it; a terminating error counted once, by the command it left. */
  async #call(phase: Phase, work: () => Promise<void> | void): Promise<void> {
    const previous = this.#phase;
    this.#phase = phase;
    try {
      await work();
      if (!this.delivery.idle) await this.delivery.flush();
    } catch (thrown) {
      const error = asRuntimeError(thrown);
      if (!this.delivery.idle) await this.delivery.settle();
      if (error instanceof RuntimeError && !counted.has(error)) {
        counted.add(error);
        this.runtime.terminated(error.errorRecord);
      }
      throw error;
    } finally {
      this.#phase = previous;
    }
  }
}

/** A native program's argument list: values as they are, parameters as the text written. */
function argumentValue(arg: CommandArgument): unknown {
  if (arg.kind === 'value') return arg.value;
  return arg.extent?.text ?? `-${arg.name}${arg.hasValue ? ':' : ''}`;
}

/** A compiled cmdlet's blocks as a processor: the context switches to each object's binding. */
function cmdletProcessor(command: Extract<RunnableCommand, { kind: 'Cmdlet' }>, ctx: StageContext, commandLine: BoundParameters): CommandProcessor {
  // The definition's P is erased here: the context's params are the bound values by name.
  const def = command.definition as unknown as {
    begin?(c: StageContext): Promise<void> | void;
    process?(c: StageContext): Promise<void> | void;
    end?(c: StageContext): Promise<void> | void;
    clean?(c: StageContext): Promise<void> | void;
  };
  return {
    name: command.name,
    async begin() {
      ctx.setBinding(commandLine);
      ctx.input = undefined;
      await def.begin?.(ctx);
    },
    async process(input, binding) {
      ctx.setBinding(binding ?? commandLine);
      ctx.input = input;
      await def.process?.(ctx);
    },
    async end() {
      ctx.setBinding(commandLine);
      ctx.input = undefined;
      await def.end?.(ctx);
    },
    async clean() {
      ctx.input = undefined;
      await def.clean?.(ctx);
    },
  };
}
