/**
 * What a command name can resolve to, in PowerShell's order: alias, function, cmdlet, then an
 * external script or application found on PATH.
 */
import type { CommandMetadata } from '../metadata/command.js';
import type { CmdletDefinition } from './cmdlet.js';
import type { ScriptBlock } from '@dpmsh/runtime';

/** A command the registry knows. */
export type CommandInfo =
  | {
      readonly kind: 'Cmdlet';
      readonly name: string;
      readonly metadata: CommandMetadata;
      readonly definition: CmdletDefinition<never>;
      readonly module: string;
      /** The .NET class pwsh implements it with, which its errors' FullyQualifiedErrorId names. */
      readonly implementingType?: string;
    }
  | {
      readonly kind: 'Function' | 'Filter';
      readonly name: string;
      readonly metadata: CommandMetadata;
      /** The function's body; its param() block produced `metadata`. */
      readonly scriptBlock: ScriptBlock;
      readonly module?: string;
    }
  | { readonly kind: 'Alias'; readonly name: string; readonly definition: string; readonly module?: string }
  | { readonly kind: 'ExternalScript'; readonly name: string; readonly path: string }
  | { readonly kind: 'Application'; readonly name: string; readonly path: string };

/** PowerShell's CommandTypes names, as Get-Command shows them. */
export type CommandType = CommandInfo['kind'];
