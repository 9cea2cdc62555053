/**
 * The objects behind automatic variables a running command sees: `$MyInvocation` (an
 * InvocationInfo), `$PSCmdlet` (the runtime of an advanced function), `[ref]` references and the
 * `$foreach` / `$switch` enumerators.
 */
import { attachMethods, ErrorRecord, PSException, PSObject, registerClass, RuntimeError, toText } from '@dpmsh/runtime';
import type { CmdletContext } from '@dpmsh/cmdlets';
import type { InvocationInfo, PSVariable, Scope, PSHashtable } from '@dpmsh/runtime';
import { dirname } from 'node:path';

const SMA = 'System.Management.Automation';

/** `[ref]`: values are PSObjects carrying this type name. */
registerClass(`${SMA}.PSReference`, { aliases: ['ref'] });

/** True for a `[ref]` value. */
export function isReference(value: unknown): value is PSObject {
  return value instanceof PSObject && value.typeNames[0] === `${SMA}.PSReference`;
}

/** A `[ref]` whose Value reads and writes a variable (`[ref]$x`), or holds a value of its own (`[ref]5`). */
export function createReference(target: { variable: PSVariable } | { value: unknown }): PSObject {
  const ref = new PSObject([`${SMA}.PSReference`, 'System.Object']);
  let own = 'value' in target ? target.value : undefined;
  const variable = 'variable' in target ? target.variable : undefined;
  ref.addProperty({
    name: 'Value',
    kind: 'Property',
    typeName: 'System.Object',
    get: () => (variable ? variable.value : own),
    set: (v) => {
      if (variable) variable.value = variable.constrain ? variable.constrain(v) : v;
      else own = v;
    },
  });
  ref.toDotNetString = () => `${SMA}.PSReference`;
  return ref;
}

/** How a script command was invoked, for `$MyInvocation`. */
export interface InvocationDetails {
  readonly invocation: InvocationInfo | undefined;
  /** The command's name ('' for a script block). */
  readonly name: string;
  readonly commandType: 'Function' | 'Filter' | 'ExternalScript' | 'Script';
  /** The file of a script (ExternalScript), for MyCommand.Path. */
  readonly path?: string;
  readonly definition: string;
  readonly boundParameters: PSHashtable;
  readonly unboundArguments: readonly unknown[];
  readonly expectingInput: boolean;
}

/** `$MyInvocation`: an InvocationInfo with MyCommand, the line it was called from and the caller's script. */
export function invocationObject(details: InvocationDetails): PSObject {
  const info = new PSObject([`${SMA}.InvocationInfo`, 'System.Object']);
  const extent = details.invocation?.extent;
  const scriptName = details.invocation?.scriptName ?? extent?.file ?? '';
  const command = new PSObject([commandInfoType(details.commandType), `${SMA}.CommandInfo`, 'System.Object']);
  command.addNote('Name', details.name);
  command.addNote('CommandType', details.commandType);
  command.addNote('Definition', details.definition);
  if (details.path !== undefined) {
    command.addNote('Path', details.path);
    command.addNote('Source', details.path);
  } else command.addNote('Source', '');
  command.toDotNetString = () => details.name;
  info.addNote('MyCommand', command);
  info.addNote('BoundParameters', details.boundParameters);
  info.addNote('UnboundArguments', [...details.unboundArguments]);
  info.addNote('ScriptLineNumber', extent?.startLine ?? 0);
  info.addNote('OffsetInLine', extent?.startColumn ?? 0);
  info.addNote('HistoryId', 1);
  info.addNote('ScriptName', scriptName);
  info.addNote('Line', extent?.lineText ?? '');
  info.addNote('Statement', extent?.text ?? '');
  info.addNote('PositionMessage', '');
  info.addNote('PSScriptRoot', scriptName ? dirname(scriptName) : '');
  info.addNote('PSCommandPath', scriptName);
  info.addNote('InvocationName', details.invocation?.invocationName ?? details.name);
  info.addNote('PipelineLength', 1);
  info.addNote('PipelinePosition', 1);
  info.addNote('ExpectingInput', details.expectingInput);
  info.addNote('CommandOrigin', 'Internal');
  return info;
}

function commandInfoType(kind: InvocationDetails['commandType']): string {
  switch (kind) {
    case 'Function':
    case 'Filter':
      return `${SMA}.FunctionInfo`;
    case 'ExternalScript':
      return `${SMA}.ExternalScriptInfo`;
    case 'Script':
      return `${SMA}.ScriptInfo`;
  }
}

/**
 * The ErrorRecord a $PSCmdlet method was given, now the command's own (PowerShell sets its
 * InvocationInfo to the command's), or PowerShell's conversion error.
 */
function errorRecordArgument(value: unknown, method: string, cmdlet: CmdletContext): ErrorRecord {
  if (value instanceof ErrorRecord) {
    value.invocationInfo = cmdlet.invocation;
    return value;
  }
  throw new RuntimeError(
    new ErrorRecord({
      exception: new PSException(`Cannot convert argument "errorRecord", with value: "${toText(value)}", for "${method}" to type "${SMA}.ErrorRecord".`, { typeName: `${SMA}.MethodException` }),
      errorId: 'MethodArgumentConversionInvalidCastArgument',
      category: 'NotSpecified',
      targetObject: null,
    }),
  );
}

/** Errors $PSCmdlet.ThrowTerminatingError raised: they end the function, not just the statement. */
export const commandTerminating = new WeakSet<RuntimeError>();

/** `$PSCmdlet` of an advanced function: its parameter set, invocation, streams and ShouldProcess. */
export function cmdletObject(cmdlet: CmdletContext, myInvocation: PSObject, scope: Scope): PSObject {
  const o = new PSObject([`${SMA}.PSScriptCmdlet`, `${SMA}.PSCmdlet`, `${SMA}.Cmdlet`, `${SMA}.Internal.InternalCommand`, 'System.Object']);
  o.addProperty({ name: 'ParameterSetName', kind: 'Property', typeName: 'System.String', get: () => cmdlet.parameterSetName || '__AllParameterSets' });
  o.addNote('MyInvocation', myInvocation);
  o.addProperty({ name: 'CommandOrigin', kind: 'Property', value: 'Internal' });
  const sessionState = new PSObject([`${SMA}.SessionState`, 'System.Object']);
  const psVariable = attachMethods(new PSObject([`${SMA}.PSVariableIntrinsics`, 'System.Object']), {
    GetValue: { overloads: ['System.Object GetValue(string name)', 'System.Object GetValue(string name, System.Object defaultValue)'], invoke: (_s, a) => scope.lookup(a.string(0))?.value ?? (a.length > 1 ? a.at(1) : null) },
    Set: {
      overloads: ['void Set(string name, System.Object value)'],
      invoke: (_s, a) => {
        const existing = scope.lookup(a.string(0));
        if (existing) existing.value = existing.constrain ? existing.constrain(a.at(1)) : a.at(1);
        else scope.define({ name: a.string(0), value: a.at(1), options: {} });
        return undefined;
      },
    },
  });
  sessionState.addNote('PSVariable', psVariable);
  sessionState.addProperty({ name: 'Path', kind: 'Property', get: () => cmdlet.session.location });
  o.addNote('SessionState', sessionState);
  const text = (v: unknown): string => (v === null || v === undefined ? '' : toText(v));
  return attachMethods(o, {
    ShouldProcess: {
      overloads: [
        'bool ShouldProcess(string target)',
        'bool ShouldProcess(string target, string action)',
        'bool ShouldProcess(string verboseDescription, string verboseWarning, string caption)',
      ],
      invoke: (_s, a) => (a.length === 1 ? cmdlet.shouldProcess(text(a.at(0))) : cmdlet.shouldProcess(text(a.at(0)), text(a.at(1)))),
    },
    ShouldContinue: {
      overloads: ['bool ShouldContinue(string query, string caption)'],
      invoke: (_s, a) => cmdlet.shouldContinue(text(a.at(0)), text(a.at(1))),
    },
    WriteError: {
      overloads: ['void WriteError(System.Management.Automation.ErrorRecord errorRecord)'],
      invoke: (_s, a) => {
        cmdlet.writeError(errorRecordArgument(a.at(0), 'WriteError', cmdlet));
        return undefined;
      },
    },
    ThrowTerminatingError: {
      overloads: ['void ThrowTerminatingError(System.Management.Automation.ErrorRecord errorRecord)'],
      invoke: (_s, a) => {
        const record = errorRecordArgument(a.at(0), 'ThrowTerminatingError', cmdlet);
        try {
          cmdlet.throwTerminating(record);
        } catch (error) {
          if (error instanceof RuntimeError) commandTerminating.add(error);
          throw error;
        }
      },
    },
    WriteVerbose: { overloads: ['void WriteVerbose(string text)'], invoke: (_s, a) => void cmdlet.writeVerbose(text(a.at(0))) },
    WriteWarning: { overloads: ['void WriteWarning(string text)'], invoke: (_s, a) => void cmdlet.writeWarning(text(a.at(0))) },
    WriteDebug: { overloads: ['void WriteDebug(string text)'], invoke: (_s, a) => void cmdlet.writeDebug(text(a.at(0))) },
    WriteInformation: {
      overloads: ['void WriteInformation(System.Object messageData, string[] tags)'],
      invoke: (_s, a) => void cmdlet.writeInformation(a.at(0), a.length > 1 ? [a.at(1)].flat().map(text) : []),
    },
    WriteObject: {
      overloads: ['void WriteObject(System.Object sendToPipeline)', 'void WriteObject(System.Object sendToPipeline, bool enumerateCollection)'],
      invoke: async (_s, a) => {
        await cmdlet.write(a.at(0), { enumerate: a.length > 1 && a.at(1) === true });
        return undefined;
      },
    },
  });
}

/** An enumerator over a loop's items (`$foreach`, `$switch`): the loop and MoveNext() share it. */
export class LoopEnumerator {
  readonly object: PSObject;
  #iterator: Iterator<unknown>;
  #current: unknown = null;

  constructor(readonly items: Iterable<unknown>) {
    this.#iterator = items[Symbol.iterator]();
    const o = new PSObject(['System.Collections.IEnumerator', 'System.Object']);
    o.addProperty({ name: 'Current', kind: 'Property', typeName: 'System.Object', get: () => this.#current });
    this.object = attachMethods(o, {
      MoveNext: { overloads: ['bool MoveNext()'], invoke: () => this.moveNext() },
      Reset: {
        overloads: ['void Reset()'],
        invoke: () => {
          this.#iterator = this.items[Symbol.iterator]();
          this.#current = null;
          return undefined;
        },
      },
    });
  }

  get current(): unknown {
    return this.#current;
  }

  /** Advances; false at the end. */
  moveNext(): boolean {
    const next = this.#iterator.next();
    if (next.done) {
      this.#current = null;
      return false;
    }
    this.#current = next.value;
    return true;
  }
}
