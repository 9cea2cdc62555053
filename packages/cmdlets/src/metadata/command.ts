/**
 * Command metadata, declared as data. One object per command drives binding, Get-Help,
 * Get-Command, tab completion and the docs. Compiled cmdlets declare it with `defineCmdlet`;
 * script functions get the same shape from their param() block.
 */
import type { ScriptBlock } from '@dpmsh/runtime';

/** The name of the set every parameter without a ParameterSetName belongs to. */
export const ALL_PARAMETER_SETS = '__AllParameterSets';

/** How a parameter takes part in one parameter set. */
export interface ParameterSetMembership {
  readonly mandatory?: boolean;
  /** Position for positional binding; absent means named only. */
  readonly position?: number;
  readonly valueFromPipeline?: boolean;
  readonly valueFromPipelineByPropertyName?: boolean;
  readonly valueFromRemainingArguments?: boolean;
  readonly helpMessage?: string;
}

/** The kinds [ValidateRange()] takes instead of limits (System.Management.Automation.ValidateRangeKind). */
export type ValidateRangeKind = 'Positive' | 'NonNegative' | 'Negative' | 'NonPositive';

/** A validation attribute on a parameter. */
export type Validation =
  | { readonly kind: 'set'; readonly values: readonly string[]; readonly ignoreCase?: boolean }
  | { readonly kind: 'range'; readonly min: number; readonly max: number }
  /** ValidateRange with a ValidateRangeKind instead of limits: [ValidateRange('Positive')]. */
  | { readonly kind: 'rangeKind'; readonly range: ValidateRangeKind }
  | { readonly kind: 'length'; readonly min: number; readonly max: number }
  | { readonly kind: 'pattern'; readonly pattern: string }
  | { readonly kind: 'count'; readonly min: number; readonly max: number }
  | { readonly kind: 'notNull' }
  | { readonly kind: 'notNullOrEmpty' }
  | { readonly kind: 'script'; readonly script: ScriptBlock };

/** One parameter of a command. */
export interface ParameterMetadata {
  readonly name: string;
  /**
   * The parameter's type as PowerShell names it: `string`, `int`, `long`, `double`, `bool`,
   * `switch`, `object`, `psobject`, `scriptblock`, `hashtable`, `datetime`, `timespan`,
   * `securestring`, an enum such as `System.DayOfWeek`, or any of these with `[]`.
   */
  readonly type: string;
  readonly aliases?: readonly string[];
  /** Membership per parameter set; `{ [ALL_PARAMETER_SETS]: {...} }` when it is in every set. */
  readonly sets: Readonly<Record<string, ParameterSetMembership>>;
  readonly validation?: readonly Validation[];
  /** Allow $null / empty string / empty collection for a mandatory parameter. */
  readonly allowNull?: boolean;
  readonly allowEmptyString?: boolean;
  readonly allowEmptyCollection?: boolean;
  /** One line for Get-Help. */
  readonly description?: string;
  /** Shown by Get-Help as the default value. */
  readonly defaultValueText?: string;
  /** Hidden from help and completion. */
  readonly dontShow?: boolean;
  /** True for the common parameters (-Verbose, -ErrorAction...), which the binder adds. */
  readonly isCommon?: boolean;
}

/** A help example, run by the shared examples test: `output` is what `code` must print. */
export interface CommandExample {
  readonly title: string;
  readonly code: string;
  readonly remarks?: string;
  /**
   * Script that runs unseen before `code` in the example's fresh shell (the vault or the folder the
   * example works on); help does not show it.
   */
  readonly setup?: string;
  /** The exact text the example prints; the help-examples test runs it and compares. */
  readonly output?: string;
  /** Why `output` cannot be stated when it is absent (it shows the clock or the machine, or waits for input). */
  readonly outputUnchecked?: string;
}

/** Help text of a command. */
export interface CommandHelp {
  readonly synopsis: string;
  readonly description?: string;
  readonly examples?: readonly CommandExample[];
  readonly notes?: string;
  readonly links?: readonly string[];
}

/** What a command declares about itself. */
export interface CommandMetadata {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly defaultParameterSet?: string;
  readonly parameters: readonly ParameterMetadata[];
  /** Advanced commands (cmdlets, [CmdletBinding()] functions) get the common parameters. */
  readonly cmdletBinding: boolean;
  /** False when [CmdletBinding(PositionalBinding=$false)]. */
  readonly positionalBinding?: boolean;
  /**
   * True for script functions and scripts (the default when `cmdletBinding` is false). Their typed
   * parameters convert through PowerShell's argument transformation (errors are
   * ParameterArgumentTransformationError), and when no parameter declares a Position or a
   * parameter set, every non-switch parameter is positional in declaration order.
   */
  readonly fromScript?: boolean;
  readonly supportsShouldProcess?: boolean;
  readonly confirmImpact?: 'None' | 'Low' | 'Medium' | 'High';
  readonly outputType?: readonly string[];
  readonly help?: CommandHelp;
  /**
   * The .NET class that implements a compiled cmdlet (CmdletInfo.ImplementingType), named by the
   * FullyQualifiedErrorId of its errors ("Id,Microsoft.PowerShell.Commands.GetChildItemCommand").
   * The registry defaults it for cmdlets of the Microsoft.PowerShell.* modules; `''` says there is
   * none (a command pwsh implements as a script function, such as Clear-Host).
   */
  readonly implementingType?: string;
}
