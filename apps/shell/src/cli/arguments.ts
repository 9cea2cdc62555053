/**
 * The host's command line, read as pwsh reads its own: parameter names are case-insensitive,
 * take unique prefixes, and may start with `-`, `--` or `/`. Everything after -Command is the
 * command; everything after -File's path goes to the script.
 */

/** What the command line asks for. */
export type HostRequest =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'command'; readonly text: string; readonly fromStdin: boolean; readonly options: HostOptions }
  | { readonly kind: 'file'; readonly path: string; readonly args: readonly string[]; readonly options: HostOptions }
  | { readonly kind: 'interactive'; readonly options: HostOptions };

/** Options that apply whatever runs. */
export interface HostOptions {
  readonly noProfile: boolean;
  readonly nonInteractive: boolean;
  readonly outputFormat: 'Text' | 'Json';
  readonly workingDirectory?: string;
  readonly noExit: boolean;
}

/** A command line dpmsh cannot run; `message` says what was wrong and what to do. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

interface HostParameter {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly takesValue: boolean;
}

const PARAMETERS: readonly HostParameter[] = [
  { name: 'Command', aliases: ['c'], takesValue: true },
  { name: 'File', aliases: ['f'], takesValue: true },
  { name: 'NoProfile', aliases: ['nop'], takesValue: false },
  { name: 'NonInteractive', aliases: ['noni'], takesValue: false },
  { name: 'OutputFormat', aliases: ['o', 'of'], takesValue: true },
  { name: 'WorkingDirectory', aliases: ['wd'], takesValue: true },
  { name: 'NoExit', aliases: ['noe'], takesValue: false },
  { name: 'NoLogo', aliases: ['nol'], takesValue: false },
  { name: 'Version', aliases: ['v'], takesValue: false },
  { name: 'Help', aliases: ['h', '?'], takesValue: false },
];

/** Finds the host parameter a token names: an exact name or alias wins, then a unique prefix. */
export function matchHostParameter(token: string): HostParameter | undefined {
  const name = token.toLowerCase();
  const exact = PARAMETERS.find((p) => p.name.toLowerCase() === name || p.aliases.includes(name));
  if (exact) return exact;
  const candidates = PARAMETERS.filter((p) => p.name.toLowerCase().startsWith(name));
  if (candidates.length > 1) {
    throw new UsageError(
      `The parameter '-${token}' is ambiguous. Possible matches include: ${candidates.map((p) => `-${p.name}`).join(' ')}.`,
    );
  }
  return candidates[0];
}

function parameterName(token: string): string | undefined {
  if (token === '-' || token === '--') return undefined;
  if (token.startsWith('--')) return token.slice(2);
  if (token.startsWith('-') || token.startsWith('/')) return token.slice(1);
  return undefined;
}

/** Reads the host's arguments (without the node and script paths). */
export function parseHostArguments(argv: readonly string[], stdinIsTerminal: boolean): HostRequest {
  let noProfile = false;
  let nonInteractive = false;
  let noExit = false;
  let outputFormat: HostOptions['outputFormat'] = 'Text';
  let workingDirectory: string | undefined;
  const options = (): HostOptions => ({ noProfile, nonInteractive, outputFormat, workingDirectory, noExit });

  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    const name = parameterName(token);
    if (name === undefined) {
      // A bare first argument is a script path, as in `dpmsh script.ps1 a b`; `-` reads stdin.
      if (token === '-') return { kind: 'command', text: '', fromStdin: true, options: options() };
      return { kind: 'file', path: token, args: argv.slice(i + 1), options: options() };
    }
    const parameter = matchHostParameter(name);
    if (!parameter) {
      throw new UsageError(
        `The argument '${token}' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
      );
    }
    const value = (): string => {
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`Missing argument for parameter -${parameter.name}.`);
      i++;
      return next;
    };
    switch (parameter.name) {
      case 'Help':
        return { kind: 'help' };
      case 'Version':
        return { kind: 'version' };
      case 'NoProfile':
        noProfile = true;
        break;
      case 'NonInteractive':
        nonInteractive = true;
        break;
      case 'NoExit':
        noExit = true;
        break;
      case 'NoLogo':
        break;
      case 'WorkingDirectory':
        workingDirectory = value();
        break;
      case 'OutputFormat': {
        const format = value().toLowerCase();
        if (format === 'text') outputFormat = 'Text';
        else if (format === 'json') outputFormat = 'Json';
        else throw new UsageError(`The value '${argv[i]}' for -OutputFormat is not valid. Specify Text or Json.`);
        break;
      }
      case 'Command': {
        const rest = argv.slice(i + 1);
        if (rest.length === 1 && rest[0] === '-') return { kind: 'command', text: '', fromStdin: true, options: options() };
        if (rest.length === 0) throw new UsageError('Missing argument for parameter -Command.');
        return { kind: 'command', text: rest.join(' '), fromStdin: false, options: options() };
      }
      case 'File': {
        const path = value();
        if (path === '-') return { kind: 'command', text: '', fromStdin: true, options: options() };
        return { kind: 'file', path, args: argv.slice(i + 1), options: options() };
      }
    }
  }
  if (!stdinIsTerminal) return { kind: 'command', text: '', fromStdin: true, options: options() };
  return { kind: 'interactive', options: options() };
}

/** The text of -Help. */
export const HELP_TEXT = `Usage: dpmsh [-Command <script> | -File <path> [args] | -]
             [-NoProfile] [-NonInteractive] [-OutputFormat Text|Json]
             [-WorkingDirectory <path>] [-NoExit] [-Version] [-Help]

  -Command, -c       Runs the text that follows as a script. '-' reads it from standard input.
  -File, -f          Runs a script file; the arguments after the path bind to its param() block.
  -                  Reads commands from standard input (also when input is piped).
  -NoProfile, -nop   Does not run $DPMSH_HOME/profile.ps1.
  -NonInteractive    Never prompts: a missing mandatory parameter or a confirmation is an error.
  -OutputFormat, -o  Text (formatted, the default) or Json (one JSON document of the output).
  -WorkingDirectory  Starts in this directory.
  -NoExit            Stays in the interactive shell after running -Command or -File.
  -Version, -v       Prints the version.
  -Help, -h, -?      Prints this text.

With no arguments on a terminal, dpmsh starts the interactive shell.
Parameter names are case-insensitive and may be shortened to any unique prefix.
State lives in $DPMSH_HOME (default ~/.dpmsh).`;
