/** Add-Member: adds note, alias and script members to objects. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletDefinition } from '../session/cmdlet.js';
import {
  ErrorRecord,
  PSException,
  PSHashtable,
  PSObject,
  PSTypeLiteral,
  isScriptBlock,
  addScriptMethod,
  getMember,
  hasScriptMethod,
  listMembers,
  setMember,
  convertTo,
  resolveType,
  typeNamesOf,
  toText,
  isSwitchOn,
} from '@dpmsh/runtime';
import type { PSProperty, ScriptBlock } from '@dpmsh/runtime';
import { MemberTypeError, parseMemberTypes, type MemberTypeName } from './member-types.js';

const all = ALL_PARAMETER_SETS;

interface AddMemberParameters {
  InputObject: unknown;
  MemberType?: unknown;
  Name?: string;
  Value?: unknown;
  SecondValue?: unknown;
  TypeName?: string;
  Force?: boolean;
  PassThru?: boolean;
  NotePropertyName?: string;
  NotePropertyValue?: unknown;
  NotePropertyMembers?: unknown;
}

function addMemberError(message: string, errorId: string, category: 'InvalidOperation' | 'InvalidArgument', target: unknown): ErrorRecord {
  return new ErrorRecord({ exception: new PSException(message, { typeName: 'System.InvalidOperationException' }), errorId, category, targetObject: target });
}

function memberExists(name: string, target: unknown): ErrorRecord {
  return addMemberError(
    `Cannot add a member with the name "${name}" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.`,
    'MemberAlreadyExists',
    'InvalidOperation',
    target,
  );
}

/** The object members are added to: the input itself when it is a custom object, else a PSObject wrapping it. */
function targetOf(input: unknown): PSObject {
  if (input instanceof PSObject) return input;
  return new PSObject(typeNamesOf(input), input);
}

function hasMember(obj: PSObject, name: string): boolean {
  if (obj.hasProperty(name) || hasScriptMethod(obj, name)) return true;
  return listMembers(obj).some((m) => m.name.toLowerCase() === name.toLowerCase());
}

function collapse(output: readonly unknown[]): unknown {
  return output.length === 0 ? null : output.length === 1 ? output[0] : [...output];
}

function scriptProperty(obj: PSObject, name: string, getter: ScriptBlock | undefined, setter: ScriptBlock | undefined): PSProperty {
  const parts = `${getter ? `get=${getter.text};` : ''}${setter ? `set=${setter.text};` : ''}`;
  return {
    name,
    kind: 'ScriptProperty',
    typeName: 'System.Object',
    definition: `System.Object ${name} {${parts}}`,
    get: getter ? () => getter.invoke({ variables: { this: obj } }).then(collapse) : () => null,
    set: setter ? (v: unknown) => void setter.invoke({ args: [v], variables: { this: obj } }) : undefined,
  };
}

function aliasProperty(obj: PSObject, name: string, target: string, conversion: unknown): PSProperty {
  const typeName = conversion instanceof PSTypeLiteral ? conversion.fullName : conversion === undefined || conversion === null ? undefined : (resolveType(toText(conversion))?.fullName ?? toText(conversion));
  const read = (): unknown => {
    const value = getMember(obj, target);
    return typeName ? convertTo(value, typeName) : value;
  };
  return {
    name,
    kind: 'AliasProperty',
    definition: `${name} = ${typeName ? `(${typeName})` : ''}${target}`,
    get: read,
    set: (v: unknown) => setMember(obj, target, v),
  };
}

/** Add-Member. */
export const addMemberCmdlet: CmdletDefinition<AddMemberParameters> = defineCmdlet<AddMemberParameters>({
  name: 'Add-Member',
  defaultParameterSet: 'TypeNameSet',
  parameters: [
    { name: 'InputObject', type: 'psobject', sets: { [all]: { mandatory: true, valueFromPipeline: true } }, description: 'The object the members are added to.' },
    { name: 'MemberType', type: 'object', aliases: ['Type'], sets: { MemberSet: { mandatory: true, position: 0 } }, description: 'The kind of member: NoteProperty, AliasProperty, ScriptProperty or ScriptMethod.' },
    { name: 'Name', type: 'string', sets: { MemberSet: { mandatory: true, position: 1 } }, description: 'The name of the member.' },
    { name: 'Value', type: 'object', sets: { MemberSet: { position: 2 } }, description: "The note's value, the aliased member's name, or the script block of the script property's getter or the script method." },
    { name: 'SecondValue', type: 'object', sets: { MemberSet: { position: 3 } }, description: "The script property's setter, or the type an alias property converts its value to." },
    { name: 'TypeName', type: 'string', sets: { TypeNameSet: { mandatory: true }, MemberSet: {}, NotePropertySingleMemberSet: {}, NotePropertyMultiMemberSet: {} }, description: 'A type name to add at the front of the object\'s type names.' },
    { name: 'Force', type: 'switch', sets: { MemberSet: {}, NotePropertySingleMemberSet: {}, NotePropertyMultiMemberSet: {} }, description: 'Replaces a member of the same name.' },
    { name: 'PassThru', type: 'switch', sets: { [all]: {} }, description: 'Outputs the object with its new members.' },
    { name: 'NotePropertyName', type: 'string', sets: { NotePropertySingleMemberSet: { mandatory: true, position: 0 } }, description: 'The name of a note property to add.' },
    { name: 'NotePropertyValue', type: 'object', sets: { NotePropertySingleMemberSet: { mandatory: true, position: 1 } }, allowNull: true, description: 'The value of the note property.' },
    { name: 'NotePropertyMembers', type: 'hashtable', sets: { NotePropertyMultiMemberSet: { mandatory: true, position: 0 } }, description: 'Note properties to add, as names and values.' },
  ],
  outputType: ['System.Object'],
  help: {
    synopsis: 'Adds custom properties and methods to an instance of a PowerShell object.',
    description:
      'Adds note properties (a value), alias properties (another name for a member), script properties (a getter and setter script block, with $this the object) and script methods to an object. Without -PassThru it outputs nothing; a value that is not already a custom object only keeps the members on the object -PassThru returns.',
    examples: [
      {
        title: 'Add a note property',
        code: "$o = [pscustomobject]@{ Name = 'vault1' }\n$o | Add-Member -NotePropertyName Size -NotePropertyValue 10\n$o.Size",
        output: '10',
      },
      {
        title: 'Add a script property',
        code: "$o = [pscustomobject]@{ A = 2 }\n$o | Add-Member -MemberType ScriptProperty -Name Double -Value { $this.A * 2 }\n$o.Double",
        output: '4',
      },
    ],
  },
  async process(ctx) {
    const p = ctx.params;
    const obj = targetOf(p.InputObject);
    const add = (property: PSProperty): void => {
      if (!isSwitchOn(p.Force) && hasMember(obj, property.name)) ctx.throwTerminating(memberExists(property.name, p.InputObject));
      if (isSwitchOn(p.Force)) obj.removeProperty(property.name);
      obj.addProperty(property);
    };
    switch (ctx.parameterSetName) {
      case 'NotePropertySingleMemberSet':
        add({ name: p.NotePropertyName ?? '', kind: 'NoteProperty', value: p.NotePropertyValue ?? null });
        break;
      case 'NotePropertyMultiMemberSet': {
        const table = p.NotePropertyMembers instanceof PSHashtable ? p.NotePropertyMembers : undefined;
        for (const [key, value] of table?.entries() ?? []) add({ name: toText(key), kind: 'NoteProperty', value: value ?? null });
        break;
      }
      case 'MemberSet': {
        let types: Set<MemberTypeName>;
        try {
          types = parseMemberTypes(p.MemberType);
        } catch (error) {
          if (error instanceof MemberTypeError) ctx.throwTerminating(error.record);
          throw error;
        }
        const kind = types.size === 1 ? [...types][0] : undefined;
        const name = p.Name ?? '';
        const block = (v: unknown): ScriptBlock | undefined => (isScriptBlock(v) ? v : undefined);
        if (kind === 'NoteProperty') add({ name, kind: 'NoteProperty', value: p.Value ?? null });
        else if (kind === 'AliasProperty') add(aliasProperty(obj, name, toText(p.Value), p.SecondValue));
        else if (kind === 'ScriptProperty') add(scriptProperty(obj, name, block(p.Value), block(p.SecondValue)));
        else if (kind === 'ScriptMethod') {
          const method = block(p.Value);
          if (!method) return ctx.throwTerminating(addMemberError('The value of the Value parameter must be a script block for a ScriptMethod.', 'CannotAddMemberType', 'InvalidArgument', p.InputObject));
          if (!isSwitchOn(p.Force) && hasMember(obj, name)) ctx.throwTerminating(memberExists(name, p.InputObject));
          addScriptMethod(obj, name, method);
        } else {
          const text = [...types].join(', ');
          ctx.throwTerminating(addMemberError(`Cannot add a member with type "${text}". Specify a different type for the MemberTypes parameter.`, 'CannotAddMemberType', 'InvalidOperation', p.InputObject));
        }
        break;
      }
    }
    if (p.TypeName !== undefined && !obj.typeNames.includes(p.TypeName)) obj.typeNames.unshift(p.TypeName);
    if (isSwitchOn(p.PassThru)) await ctx.write(obj);
  },
});

