/**
 * The command line as the binder reads it: each `-Name` paired with its value (PowerShell's
 * ReparseUnboundArguments). A switch never takes the next token; any other parameter takes the
 * next token unless that token is itself one of the command's parameters (MissingArgument);
 * after `--` every token is a value.
 */
import type { ScriptExtent } from '@dpmsh/runtime';
import { toText, PSSwitch } from '@dpmsh/runtime';
import type { CompiledCommand, CompiledParameter } from './compiled-command.js';
import { matchParameterName } from './match-name.js';
import { BindError, bindFailure, text } from './messages.js';
import type { CommandArgument } from './types.js';

/** A `-Name` on the command line, with its value once it has one. */
export interface NamedArgument {
  readonly kind: 'named';
  /** The name as written, without the dash. */
  readonly name: string;
  /** How errors about naming it twice call it: the full name once the next token became its value. */
  readonly displayName: string;
  /** The token as written ('-foo', '-foo:'): what $args and remaining arguments receive. */
  readonly text: string;
  readonly value: unknown;
  readonly hasValue: boolean;
  readonly extent?: ScriptExtent;
  readonly valueExtent?: ScriptExtent;
}

/** A value on the command line that no `-Name` took. */
export interface PositionalArgument {
  readonly kind: 'positional';
  readonly value: unknown;
  readonly extent?: ScriptExtent;
}

/** An argument as the binder reads it. */
export type Argument = NamedArgument | PositionalArgument;

const PRESENT = new PSSwitch(true);

/** The command's arguments as named and positional ones; `--` (a parameter named '-') ends the named ones. */
export function readArguments(args: readonly CommandArgument[]): Argument[] {
  const out: Argument[] = [];
  let namesEnded = false;
  for (const a of args) {
    if (a.kind === 'value') {
      out.push({ kind: 'positional', value: a.value, extent: a.extent });
    } else if (namesEnded) {
      const written = a.hasValue ? `-${a.name}:${toText(a.value)}` : `-${a.name}`;
      out.push({ kind: 'positional', value: written, extent: a.extent });
    } else if (a.name === '-' && !a.hasValue) {
      namesEnded = true;
    } else {
      out.push({
        kind: 'named',
        name: a.name,
        displayName: a.name,
        text: a.hasValue ? `-${a.name}:` : `-${a.name}`,
        value: a.value,
        hasValue: a.hasValue,
        extent: a.extent,
        valueExtent: a.hasValue ? a.extent : undefined,
      });
    }
  }
  return out;
}

/** The parameter a written name designates; throws AmbiguousParameter when it designates several. */
export function findParameter(command: CompiledCommand, name: string, commandName: string, extent?: ScriptExtent): CompiledParameter | undefined {
  const match = matchParameterName(command, name);
  if (match.kind === 'one') return match.parameter;
  if (match.kind === 'none') return undefined;
  throw new BindError(
    bindFailure({
      message: text.ambiguousParameter(name, match.matches.map((p) => p.name)),
      errorId: 'AmbiguousParameter',
      commandName,
      parameterName: name,
      extent,
    }),
    'binding',
  );
}

function missingArgument(parameter: CompiledParameter, commandName: string, extent?: ScriptExtent): BindError {
  return new BindError(
    bindFailure({
      message: text.missingArgument(parameter.name, parameter.type.fullName),
      errorId: 'MissingArgument',
      commandName,
      parameterName: parameter.name,
      extent,
    }),
    'binding',
  );
}

/** Gives each `-Name` of the command its value (PowerShell's ReparseUnboundArguments). */
export function pairNamesWithValues(command: CompiledCommand, args: readonly Argument[], commandName: string): Argument[] {
  const out: Argument[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as Argument;
    if (a.kind !== 'named' || a.hasValue) {
      out.push(a);
      continue;
    }
    const parameter = findParameter(command, a.name, commandName, a.extent);
    if (!parameter) {
      out.push(a);
      continue;
    }
    if (parameter.type.isSwitch) {
      out.push({ ...a, value: PRESENT, hasValue: true });
      continue;
    }
    const next = args[i + 1];
    if (!next) throw missingArgument(parameter, commandName, a.extent);
    if (next.kind === 'named') {
      // The next token is a value only when it names none of the command's parameters: '-Name -foo' binds '-foo'.
      if (next.hasValue || findParameter(command, next.name, commandName, next.extent)) throw missingArgument(parameter, commandName, a.extent);
      out.push({ ...a, displayName: parameter.name, value: next.text, hasValue: true, valueExtent: next.extent });
    } else {
      out.push({ ...a, displayName: parameter.name, value: next.value, hasValue: true, valueExtent: next.extent });
    }
    i++;
  }
  return out;
}
