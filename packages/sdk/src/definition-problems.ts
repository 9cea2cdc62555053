/**
 * What is wrong with a plugin definition, as one line per problem, so an author fixes them all at
 * once. Pure: it only looks at the value it is given.
 */
import { SUPPORTED_API_VERSIONS, isSupportedApiVersion } from './api-version.js';
import { approvedVerb } from './verbs.js';

const PLUGIN_NAME = /^[a-z0-9][a-z0-9-]*$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const CMDLET_NAME = /^([A-Za-z]+)-([A-Za-z][A-Za-z0-9]*)$/;
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const PARAMETER_TYPES: readonly string[] = ['string', 'string[]', 'int', 'switch', 'datasource'];
const HOOKS: readonly string[] = ['prepare', 'freeze', 'thaw'];
// The shell's binder adds these to every cmdlet, so a plugin parameter of the same name could never be bound.
const COMMON_PARAMETERS = new Set(
  [
    'Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ProgressAction', 'ErrorVariable',
    'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable', 'WhatIf', 'Confirm',
  ].map((name) => name.toLowerCase()),
);

type Fields = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null;
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/** The plugin name a message about `definition` should use. */
export function definitionName(definition: unknown): string {
  return isObject(definition) && typeof definition.name === 'string' && definition.name !== '' ? definition.name : '(unnamed)';
}

/** Every problem of a workload-plugin definition; empty when it is valid. */
export function definitionProblems(definition: unknown): string[] {
  if (!isObject(definition)) return ['the definition is not an object'];
  const problems: string[] = [];
  const speaks = SUPPORTED_API_VERSIONS.join(', ');
  if (typeof definition.apiVersion !== 'number' || !Number.isInteger(definition.apiVersion)) {
    problems.push(`apiVersion must be an integer (this SDK speaks ${speaks}), not ${show(definition.apiVersion)}`);
  } else if (!isSupportedApiVersion(definition.apiVersion)) {
    problems.push(`apiVersion ${definition.apiVersion} is not supported (this SDK speaks ${speaks})`);
  }
  if (typeof definition.name !== 'string' || !PLUGIN_NAME.test(definition.name)) {
    problems.push(`name must be lower-case letters, digits and '-', starting with a letter or digit, not ${show(definition.name)}`);
  }
  if (typeof definition.workload !== 'string' || definition.workload.trim() === '') {
    problems.push(`workload must be a non-empty string such as 'FileSystem', not ${show(definition.workload)}`);
  }
  if (typeof definition.version !== 'string' || !SEMVER.test(definition.version)) {
    problems.push(`version must be a semantic version such as '1.0.0', not ${show(definition.version)}`);
  }
  for (const method of ['discover', 'backup', 'restore']) {
    if (typeof definition[method] !== 'function') problems.push(`${method} must be a function`);
  }
  if (definition.resolve !== undefined && typeof definition.resolve !== 'function') problems.push('resolve must be a function when given');
  problems.push(...consistencyProblems(definition.consistency));
  problems.push(...cmdletsProblems(definition.cmdlets));
  return problems;
}

function consistencyProblems(consistency: unknown): string[] {
  if (consistency === undefined) return [];
  if (!isObject(consistency)) return ['consistency must be an object of hooks when given'];
  return Object.keys(consistency).flatMap((key) => {
    if (!HOOKS.includes(key)) return [`consistency has an unknown hook '${key}' (the hooks are prepare, freeze, thaw)`];
    const hook = consistency[key];
    return hook === undefined || typeof hook === 'function' ? [] : [`consistency.${key} must be a function`];
  });
}

function cmdletsProblems(cmdlets: unknown): string[] {
  if (cmdlets === undefined) return [];
  if (!Array.isArray(cmdlets)) return ['cmdlets must be an array when given'];
  const problems: string[] = [];
  const seen = new Set<string>();
  cmdlets.forEach((cmdlet: unknown, index) => {
    const label = isObject(cmdlet) && typeof cmdlet.name === 'string' ? `cmdlet '${cmdlet.name}'` : `cmdlet #${index + 1}`;
    if (!isObject(cmdlet)) {
      problems.push(`${label} is not an object`);
      return;
    }
    const name = cmdlet.name;
    const match = typeof name === 'string' ? CMDLET_NAME.exec(name) : null;
    if (match === null) problems.push(`${label}: the name must be Verb-Noun, such as 'Get-FileSystemInfo'`);
    else if (approvedVerb(match[1]) === undefined) problems.push(`${label}: '${match[1]}' is not an approved verb (see Get-Verb)`);
    if (typeof name === 'string') {
      if (seen.has(name.toLowerCase())) problems.push(`${label} is defined twice`);
      seen.add(name.toLowerCase());
    }
    if (typeof cmdlet.synopsis !== 'string' || cmdlet.synopsis.trim() === '') problems.push(`${label}: synopsis must be a non-empty string`);
    if (typeof cmdlet.invoke !== 'function') problems.push(`${label}: invoke must be a function`);
    problems.push(...parametersProblems(label, cmdlet.parameters));
  });
  return problems;
}

function parametersProblems(label: string, parameters: unknown): string[] {
  if (!Array.isArray(parameters)) return [`${label}: parameters must be an array`];
  const problems: string[] = [];
  const names = new Set<string>();
  const positions = new Set<number>();
  parameters.forEach((parameter: unknown, index) => {
    if (!isObject(parameter)) {
      problems.push(`${label}: parameter #${index + 1} is not an object`);
      return;
    }
    const { name, type, position } = parameter;
    const where = typeof name === 'string' ? `${label}, parameter '${name}'` : `${label}, parameter #${index + 1}`;
    if (typeof name !== 'string' || !PARAMETER_NAME.test(name)) problems.push(`${where}: the name must be letters and digits, starting with a letter`);
    else if (COMMON_PARAMETERS.has(name.toLowerCase())) problems.push(`${where}: the name is a common parameter every cmdlet has`);
    else if (names.has(name.toLowerCase())) problems.push(`${where}: the name is used twice (parameter names are case-insensitive)`);
    if (typeof name === 'string') names.add(name.toLowerCase());
    if (typeof type !== 'string' || !PARAMETER_TYPES.includes(type)) problems.push(`${where}: type must be one of ${PARAMETER_TYPES.join(', ')}`);
    if (position !== undefined) {
      if (typeof position !== 'number' || !Number.isInteger(position) || position < 0) problems.push(`${where}: position must be a non-negative integer`);
      else if (positions.has(position)) problems.push(`${where}: position ${position} is taken by another parameter`);
      else positions.add(position);
    }
    for (const flag of ['mandatory', 'fromPipeline']) {
      if (parameter[flag] !== undefined && typeof parameter[flag] !== 'boolean') problems.push(`${where}: ${flag} must be true or false`);
    }
  });
  return problems;
}
