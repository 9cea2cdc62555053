/**
 * Preference variables and their values. PowerShell stores ActionPreference and ConfirmImpact
 * enum values in `$ErrorActionPreference`, `$ConfirmPreference`...; scripts assign strings. A
 * lookup from a scope converts either, and falls back to the default for a value that is not a
 * member, as PowerShell's GetEnumPreference does.
 */
import type { ActionPreference } from './session.js';
import type { Scope } from '@dpmsh/runtime';
import { PSEnumValue, PSNumber, toBoolean } from '@dpmsh/runtime';
import { ACTION_PREFERENCE_TYPE } from '../binder/common-parameters.js';

/** The .NET type of $ConfirmPreference and ConfirmImpact. */
export const CONFIRM_IMPACT_TYPE = 'System.Management.Automation.ConfirmImpact';

const ACTION_VALUES: Readonly<Record<ActionPreference, number>> = {
  SilentlyContinue: 0,
  Stop: 1,
  Continue: 2,
  Inquire: 3,
  Ignore: 4,
  Suspend: 5,
  Break: 6,
};

/** PowerShell's ConfirmImpact levels, lowest first. */
export type ConfirmImpact = 'None' | 'Low' | 'Medium' | 'High';
const CONFIRM_LEVELS: readonly ConfirmImpact[] = ['None', 'Low', 'Medium', 'High'];

/** The preference variables that hold an ActionPreference. */
export type ActionPreferenceVariable =
  | 'ErrorActionPreference'
  | 'WarningPreference'
  | 'VerbosePreference'
  | 'DebugPreference'
  | 'InformationPreference'
  | 'ProgressPreference';

/** Their values in a new session. */
export const ACTION_PREFERENCE_DEFAULTS: Readonly<Record<ActionPreferenceVariable, ActionPreference>> = {
  ErrorActionPreference: 'Continue',
  WarningPreference: 'Continue',
  VerbosePreference: 'SilentlyContinue',
  DebugPreference: 'SilentlyContinue',
  InformationPreference: 'SilentlyContinue',
  ProgressPreference: 'Continue',
};

/** An ActionPreference as the enum value PowerShell stores. */
export function actionPreferenceValue(preference: ActionPreference): PSEnumValue {
  return new PSEnumValue(ACTION_PREFERENCE_TYPE, preference, ACTION_VALUES[preference]);
}

/** A ConfirmImpact as the enum value PowerShell stores. */
export function confirmImpactValue(impact: ConfirmImpact): PSEnumValue {
  return new PSEnumValue(CONFIRM_IMPACT_TYPE, impact, CONFIRM_LEVELS.indexOf(impact));
}

function enumMember<T extends string>(value: unknown, names: readonly T[], valueOf: (name: T) => number): T | undefined {
  if (value instanceof PSEnumValue) value = value.name;
  if (value instanceof PSNumber) value = value.value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    const byName = names.find((n) => n.toLowerCase() === text);
    if (byName) return byName;
    if (/^\d+$/.test(text)) value = Number(text);
  }
  if (typeof value === 'number') return names.find((n) => valueOf(n) === value);
  return undefined;
}

/** An ActionPreference from what a variable or argument holds (enum value, name in any case, number). */
export function toActionPreference(value: unknown): ActionPreference | undefined {
  return enumMember(value, Object.keys(ACTION_VALUES) as ActionPreference[], (n) => ACTION_VALUES[n]);
}

/** A ConfirmImpact from what a variable or argument holds. */
export function toConfirmImpact(value: unknown): ConfirmImpact | undefined {
  return enumMember(value, CONFIRM_LEVELS, (n) => CONFIRM_LEVELS.indexOf(n));
}

/** The rank of a ConfirmImpact: None 0 … High 3. */
export function confirmImpactRank(impact: ConfirmImpact): number {
  return CONFIRM_LEVELS.indexOf(impact);
}

/**
 * The ActionPreference a preference variable holds as seen from a scope. A value that is not a
 * member, and Suspend (reserved), read as the default.
 */
export function actionPreference(scope: Scope, name: ActionPreferenceVariable): ActionPreference {
  const found = toActionPreference(scope.lookup(name)?.value);
  return found === undefined || found === 'Suspend' ? ACTION_PREFERENCE_DEFAULTS[name] : found;
}

/** $ConfirmPreference as seen from a scope (default High). */
export function confirmPreference(scope: Scope): ConfirmImpact {
  return toConfirmImpact(scope.lookup('ConfirmPreference')?.value) ?? 'High';
}

/** $WhatIfPreference as seen from a scope, with PowerShell's truthiness ('false' is true, as in PowerShell). */
export function whatIfPreference(scope: Scope): boolean {
  const variable = scope.lookup('WhatIfPreference');
  return variable ? toBoolean(variable.value) : false;
}
