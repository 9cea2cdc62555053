/** The PSMemberTypes names Add-Member and Get-Member read from -MemberType, with the flag groups expanded. */
import { ErrorRecord, PSException, toText } from '@dpmsh/runtime';

/** The names of System.Management.Automation.PSMemberTypes. */
export const MEMBER_TYPES = ['AliasProperty', 'CodeProperty', 'Property', 'NoteProperty', 'ScriptProperty', 'Properties', 'PropertySet', 'Method', 'CodeMethod', 'ScriptMethod', 'Methods', 'ParameterizedProperty', 'MemberSet', 'Event', 'Dynamic', 'InferredProperty', 'All'] as const;
/** One PSMemberTypes name. */
export type MemberTypeName = (typeof MEMBER_TYPES)[number];

// The flag groups of System.Management.Automation.PSMemberTypes.
const GROUPS: Partial<Record<MemberTypeName, readonly MemberTypeName[]>> = {
  Properties: ['AliasProperty', 'CodeProperty', 'Property', 'NoteProperty', 'ScriptProperty', 'InferredProperty'],
  Methods: ['Method', 'CodeMethod', 'ScriptMethod'],
  All: MEMBER_TYPES.filter((t) => t !== 'Properties' && t !== 'Methods' && t !== 'All' && t !== 'InferredProperty'),
};

function invalidMemberType(text: string): ErrorRecord {
  return new ErrorRecord({
    exception: new PSException(
      `Cannot convert value "${text}" to type "System.Management.Automation.PSMemberTypes". Error: "Unable to match the identifier name ${text} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${MEMBER_TYPES.join(', ')}"`,
      { typeName: 'System.Management.Automation.PSInvalidCastException' },
    ),
    errorId: 'CannotConvertArgumentNoMessage',
    category: 'InvalidArgument',
    targetObject: text,
  });
}

/** The member types a -MemberType argument names (a name, a comma-separated list, or an array), groups expanded. */
export function parseMemberTypes(value: unknown): Set<MemberTypeName> {
  const items = Array.isArray(value) ? value : [value];
  const out = new Set<MemberTypeName>();
  for (const item of items) {
    for (const part of toText(item).split(',')) {
      const name = MEMBER_TYPES.find((t) => t.toLowerCase() === part.trim().toLowerCase());
      if (!name) throw new MemberTypeError(invalidMemberType(part.trim()));
      for (const t of GROUPS[name] ?? [name]) out.add(t);
    }
  }
  return out;
}

/** A -MemberType argument that names no member type; the cmdlet reports its record as terminating. */
export class MemberTypeError extends Error {
  constructor(readonly record: ErrorRecord) {
    super(record.message);
  }
}
