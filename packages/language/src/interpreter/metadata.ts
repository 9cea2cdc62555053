/**
 * Command metadata from a param() block, so that a script function binds exactly like a
 * compiled cmdlet: [CmdletBinding()], [Parameter()], [Alias()], validation attributes, types.
 */
import { ALL_PARAMETER_SETS } from '@dpmsh/cmdlets';
import { isEnumerable, isScriptBlock, toBoolean, toText } from '@dpmsh/runtime';
import type { CommandMetadata, ParameterMetadata, ParameterSetMembership, ValidateRangeKind, Validation } from '@dpmsh/cmdlets';
import type { AttributeAst, ParamBlockAst, ParameterAst } from '../parser/ast.js';
import type { ExecutionContext } from './context.js';
import { scriptError } from './errors.js';
import { evaluate } from './expressions.js';

interface EvaluatedAttribute {
  readonly name: string;
  readonly positional: unknown[];
  readonly named: Map<string, unknown>;
  readonly ast: AttributeAst;
}

async function evaluateAttribute(attribute: AttributeAst, ctx: ExecutionContext): Promise<EvaluatedAttribute> {
  const positional: unknown[] = [];
  for (const a of attribute.positionalArguments) positional.push(await evaluate(a, ctx));
  const named = new Map<string, unknown>();
  for (const n of attribute.namedArguments) named.set(n.argumentName.toLowerCase(), await evaluate(n.argument, ctx));
  const raw = attribute.typeName.fullName;
  const name = raw.replace(/^System\.Management\.Automation\./i, '').replace(/Attribute$/i, '').toLowerCase();
  return { name, positional, named, ast: attribute };
}

function flat(values: unknown[]): unknown[] {
  return values.flatMap((v) => (isEnumerable(v) ? v : [v]));
}

function numberArg(attribute: EvaluatedAttribute, index: number): number {
  return Number(attribute.positional[index]);
}

const RANGE_KINDS: readonly ValidateRangeKind[] = ['Positive', 'NonNegative', 'Negative', 'NonPositive'];

/** The ValidateRangeKind a lone ValidateRange argument names ('Positive', any case), if it names one. */
function rangeKindOf(value: unknown): ValidateRangeKind | undefined {
  const name = toText(value).toLowerCase();
  return RANGE_KINDS.find((k) => k.toLowerCase() === name);
}

function validationOf(attribute: EvaluatedAttribute): Validation | undefined {
  switch (attribute.name) {
    case 'validateset':
      return { kind: 'set', values: flat(attribute.positional).map((v) => toText(v)), ignoreCase: attribute.named.has('ignorecase') ? toBoolean(attribute.named.get('ignorecase')) : true };
    case 'validaterange': {
      const range = attribute.positional.length === 1 ? rangeKindOf(attribute.positional[0]) : undefined;
      return range ? { kind: 'rangeKind', range } : { kind: 'range', min: numberArg(attribute, 0), max: numberArg(attribute, 1) };
    }
    case 'validatelength':
      return { kind: 'length', min: numberArg(attribute, 0), max: numberArg(attribute, 1) };
    case 'validatecount':
      return { kind: 'count', min: numberArg(attribute, 0), max: numberArg(attribute, 1) };
    case 'validatepattern':
      return { kind: 'pattern', pattern: toText(attribute.positional[0]) };
    case 'validatenotnull':
      return { kind: 'notNull' };
    case 'validatenotnullorempty':
      return { kind: 'notNullOrEmpty' };
    case 'validatescript': {
      const script = attribute.positional[0];
      if (!isScriptBlock(script)) throw scriptError('ValidateScript needs a script block.', 'ValidateScriptNeedsScriptBlock', attribute.ast.extent);
      return { kind: 'script', script };
    }
    default:
      return undefined;
  }
}

const KNOWN_ATTRIBUTES = new Set([
  'parameter', 'alias', 'allownull', 'allowemptystring', 'allowemptycollection', 'validateset', 'validaterange', 'validatelength',
  'validatecount', 'validatepattern', 'validatenotnull', 'validatenotnullorempty', 'validatescript', 'supportswildcards', 'psdefaultvalue',
  'cmdletbinding', 'outputtype', 'argumentcompleter', 'validatedrive', 'validatetrusteddata', 'credential', 'experimental',
]);

async function parameterMetadata(parameter: ParameterAst, ctx: ExecutionContext): Promise<{ metadata: ParameterMetadata; hasParameterAttribute: boolean }> {
  let type = 'object';
  const sets: Record<string, ParameterSetMembership> = {};
  const aliases: string[] = [];
  const validation: Validation[] = [];
  let allowNull = false;
  let allowEmptyString = false;
  let allowEmptyCollection = false;
  let hasParameterAttribute = false;
  for (const attribute of parameter.attributes) {
    if (attribute.kind === 'TypeConstraint') {
      type = attribute.typeName.fullName;
      continue;
    }
    const a = await evaluateAttribute(attribute, ctx);
    if (!KNOWN_ATTRIBUTES.has(a.name)) {
      throw scriptError(`Unable to find type [${attribute.typeName.fullName}].`, 'TypeNotFound', attribute.extent, { category: 'InvalidOperation' });
    }
    switch (a.name) {
      case 'parameter': {
        hasParameterAttribute = true;
        const setName = a.named.has('parametersetname') ? toText(a.named.get('parametersetname')) : ALL_PARAMETER_SETS;
        const flag = (key: string): boolean | undefined => (a.named.has(key) ? toBoolean(a.named.get(key)) : undefined);
        sets[setName] = {
          mandatory: flag('mandatory'),
          position: a.named.has('position') ? Number(a.named.get('position')) : undefined,
          valueFromPipeline: flag('valuefrompipeline'),
          valueFromPipelineByPropertyName: flag('valuefrompipelinebypropertyname'),
          valueFromRemainingArguments: flag('valuefromremainingarguments'),
          helpMessage: a.named.has('helpmessage') ? toText(a.named.get('helpmessage')) : undefined,
        };
        break;
      }
      case 'alias':
        aliases.push(...flat(a.positional).map((v) => toText(v)));
        break;
      case 'allownull':
        allowNull = true;
        break;
      case 'allowemptystring':
        allowEmptyString = true;
        break;
      case 'allowemptycollection':
        allowEmptyCollection = true;
        break;
      default: {
        const v = validationOf(a);
        if (v) validation.push(v);
      }
    }
  }
  if (Object.keys(sets).length === 0) sets[ALL_PARAMETER_SETS] = {};
  return {
    metadata: {
      name: parameter.name.variablePath.name,
      type,
      aliases,
      sets,
      validation,
      allowNull,
      allowEmptyString,
      allowEmptyCollection,
      defaultValueText: parameter.defaultValue?.extent.text,
    },
    hasParameterAttribute,
  };
}

/**
 * Metadata for a function or script block. `fromScript` lets the binder apply the rules of
 * script parameters (automatic positions in declaration order, transformation errors).
 */
export async function buildMetadata(
  name: string,
  paramBlock: ParamBlockAst | null,
  parameters: readonly ParameterAst[] | null,
  ctx: ExecutionContext,
): Promise<CommandMetadata> {
  const params = paramBlock?.parameters ?? parameters ?? [];
  const built = [];
  for (const p of params) built.push(await parameterMetadata(p, ctx));
  let cmdletBinding = built.some((b) => b.hasParameterAttribute);
  let supportsShouldProcess = false;
  let confirmImpact: CommandMetadata['confirmImpact'];
  let defaultParameterSet: string | undefined;
  let positionalBinding = true;
  const outputType: string[] = [];
  for (const attribute of paramBlock?.attributes ?? []) {
    const a = await evaluateAttribute(attribute, ctx);
    if (a.name === 'cmdletbinding') {
      cmdletBinding = true;
      if (a.named.has('supportsshouldprocess')) supportsShouldProcess = toBoolean(a.named.get('supportsshouldprocess'));
      if (a.named.has('confirmimpact')) confirmImpact = toText(a.named.get('confirmimpact')) as CommandMetadata['confirmImpact'];
      if (a.named.has('defaultparametersetname')) defaultParameterSet = toText(a.named.get('defaultparametersetname'));
      if (a.named.has('positionalbinding')) positionalBinding = toBoolean(a.named.get('positionalbinding'));
    } else if (a.name === 'outputtype') {
      outputType.push(...flat(a.positional).map((v) => toText(v)));
    }
  }
  const parametersMeta = built.map((b) => b.metadata);
  return { name, parameters: parametersMeta, cmdletBinding, fromScript: true, supportsShouldProcess, confirmImpact, defaultParameterSet, positionalBinding, outputType };
}
