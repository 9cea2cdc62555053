/**
 * Get-Member: lists a value's members as PowerShell's MemberDefinition objects (TypeName, Name,
 * MemberType, Definition), which print as a table grouped by TypeName.
 */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletDefinition } from '../session/cmdlet.js';
import { ErrorRecord, PSException, PSObject, PSTypeLiteral, listMembers, listStaticMembers, memberTypeName, matchWildcard, isSwitchOn } from '@dpmsh/runtime';
import type { MemberInfo, MemberKind } from '@dpmsh/runtime';
import { MemberTypeError, parseMemberTypes, type MemberTypeName } from './member-types.js';

const all = ALL_PARAMETER_SETS;

interface GetMemberParameters {
  InputObject?: unknown;
  Name?: string[];
  MemberType?: unknown;
  View?: string;
  Static?: boolean;
  Force?: boolean;
}

const MEMBER_DEFINITION_TYPE = 'Microsoft.PowerShell.Commands.MemberDefinition';

/** One row of Get-Member's output. */
function memberDefinition(typeName: string, member: MemberInfo): PSObject {
  const obj = new PSObject([MEMBER_DEFINITION_TYPE, 'System.Object']);
  obj.addNote('TypeName', typeName);
  obj.addNote('Name', member.name);
  obj.addNote('MemberType', member.memberType);
  obj.addNote('Definition', member.definition);
  obj.toDotNetString = () => member.definition;
  return obj;
}

function noObject(): ErrorRecord {
  return new ErrorRecord({
    exception: new PSException('You must specify an object for the Get-Member cmdlet.', { typeName: 'System.InvalidOperationException' }),
    errorId: 'NoObjectInGetMember',
    category: 'CloseError',
  });
}

interface GetMemberState {
  readonly seen: Set<string>;
  any: boolean;
  readonly types: Set<MemberTypeName> | undefined;
}

const memberStates = new WeakMap<object, GetMemberState>();

/** Get-Member. */
export const getMemberCmdlet: CmdletDefinition<GetMemberParameters> = defineCmdlet<GetMemberParameters>({
  name: 'Get-Member',
  aliases: ['gm'],
  parameters: [
    { name: 'InputObject', type: 'psobject', sets: { [all]: { valueFromPipeline: true } }, description: 'The object whose members are listed.' },
    { name: 'Name', type: 'string[]', sets: { [all]: { position: 0 } }, description: 'Lists only the members with these names (wildcards allowed).' },
    { name: 'MemberType', type: 'object', aliases: ['Type'], sets: { [all]: {} }, description: 'Lists only members of these kinds: Property, NoteProperty, ScriptProperty, AliasProperty, Method, ScriptMethod, ParameterizedProperty, Properties, Methods, All.' },
    { name: 'View', type: 'string', sets: { [all]: {} }, validation: [{ kind: 'set', values: ['Extended', 'Adapted', 'Base', 'All'], ignoreCase: true }], description: 'Which members to list; dpmsh lists the adapted and extended members for every view.' },
    { name: 'Static', type: 'switch', sets: { [all]: {} }, description: "Lists the static members of the object's type." },
    { name: 'Force', type: 'switch', sets: { [all]: {} }, description: 'Also lists hidden members (dpmsh models none beyond the ones listed).' },
  ],
  outputType: [MEMBER_DEFINITION_TYPE],
  help: {
    synopsis: 'Gets the properties and methods of objects.',
    description: 'Lists the members of each distinct type among its input objects: their name, kind and definition, under a "TypeName:" header. Members are sorted by kind, then name.',
    examples: [
      {
        title: 'The members of a custom object',
        code: '[pscustomobject]@{ a = 1 } | Get-Member',
        output:
          '\n   TypeName: System.Management.Automation.PSCustomObject\n\nName        MemberType   Definition\n----        ----------   ----------\nEquals      Method       bool Equals(System.Object obj)\nGetHashCode Method       int GetHashCode()\nGetType     Method       type GetType()\nToString    Method       string ToString()\na           NoteProperty int a=1\n',
      },
    ],
  },
  begin(ctx) {
    let types: Set<MemberTypeName> | undefined;
    if (ctx.params.MemberType !== undefined && ctx.params.MemberType !== null) {
      try {
        types = parseMemberTypes(ctx.params.MemberType);
      } catch (error) {
        if (error instanceof MemberTypeError) ctx.throwTerminating(error.record);
        throw error;
      }
    }
    memberStates.set(ctx, { seen: new Set(), any: false, types });
  },
  async process(ctx) {
    const state = memberStates.get(ctx);
    if (!state || !ctx.boundParameters.has('InputObject')) return;
    const value = ctx.params.InputObject;
    if (value === null || value === undefined) return;
    state.any = true;
    const isStatic = isSwitchOn(ctx.params.Static);
    const typeName = isStatic ? (value instanceof PSTypeLiteral ? value.fullName : memberTypeName(value)) : memberTypeName(value);
    const key = `${isStatic ? 'static:' : ''}${typeName.toLowerCase()}`;
    if (state.seen.has(key)) return;
    state.seen.add(key);
    const members = isStatic ? listStaticMembers(value instanceof PSTypeLiteral ? value : typeName) : listMembers(value);
    const names = ctx.params.Name;
    for (const member of members) {
      if (state.types && !state.types.has(member.memberType as MemberKind & MemberTypeName)) continue;
      if (names && !names.some((n) => matchWildcard(member.name, n))) continue;
      await ctx.write(memberDefinition(typeName, member));
    }
  },
  end(ctx) {
    const state = memberStates.get(ctx);
    if (state && !state.any) ctx.writeError(noObject());
  },
});
