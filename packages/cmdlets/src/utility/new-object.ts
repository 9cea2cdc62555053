/** New-Object. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { errorRecord, RuntimeError, invokeStaticMethod, setMember, resolveType, PSObject, type PSHashtable } from '@dpmsh/runtime';

const PSOBJECT_NAMES = new Set(['psobject', 'pscustomobject', 'system.management.automation.psobject', 'system.management.automation.pscustomobject']);

interface NewObjectParameters {
  TypeName?: string;
  ComObject?: string;
  ArgumentList?: unknown[];
  Property?: PSHashtable;
  Strict?: boolean;
}

/** New-Object. */
export const newObject = defineCmdlet<NewObjectParameters>({
  name: 'New-Object',
  defaultParameterSet: 'Net',
  parameters: [
    { name: 'TypeName', type: 'string', sets: { Net: { mandatory: true, position: 0 } }, description: 'The .NET type to create: PSObject, System.Collections.Hashtable, System.Collections.ArrayList, System.Collections.Generic.List[T]...' },
    { name: 'ArgumentList', type: 'object[]', aliases: ['Args'], sets: { Net: { position: 1 } }, description: "The constructor's arguments." },
    { name: 'ComObject', type: 'string', sets: { Com: { mandatory: true, position: 0 } }, description: 'A COM class (not available: dpmsh has no COM).' },
    { name: 'Strict', type: 'switch', sets: { Com: {} }, description: 'Fails when a COM object uses an interop assembly.' },
    { name: 'Property', type: 'hashtable', sets: { [ALL_PARAMETER_SETS]: {} }, description: 'Property values to set on the new object; a PSObject gets them as note properties.' },
  ],
  outputType: ['System.Object'],
  help: {
    synopsis: 'Creates an instance of a Microsoft .NET Framework or COM object.',
    description:
      'Creates an object of a .NET type dpmsh models, passing -ArgumentList to its constructor, then sets the -Property values. New-Object PSObject -Property makes a custom object with those note properties. An unknown type is a terminating error.',
    examples: [
      { title: 'A custom object', code: "$o = New-Object -TypeName PSObject -Property ([ordered]@{ Name = 'vault1'; Size = 10 })\n$o.Name", output: 'vault1' },
      { title: 'An ArrayList', code: '$list = New-Object System.Collections.ArrayList\n$null = $list.Add(5)\n$list.Count', output: '1' },
    ],
  },
  async process(ctx) {
    const p = ctx.params;
    if (ctx.parameterSetName === 'Com') {
      ctx.throwTerminating(
        errorRecord(`Retrieving the COM class factory for component with CLSID ${p.ComObject ?? ''} failed: COM is not supported on this platform.`, 'NoCOMClassIdentified', 'ResourceUnavailable', {
          typeName: 'System.PlatformNotSupportedException',
          targetObject: p.ComObject,
        }),
      );
    }
    const name = (p.TypeName ?? '').trim();
    const type = resolveType(name);
    if (!type) {
      return ctx.throwTerminating(
        errorRecord(`Cannot find type [${name}]: verify that the assembly containing this type is loaded.`, 'TypeNotFound', 'InvalidType', {
          typeName: 'System.Management.Automation.PSArgumentException',
          targetObject: name,
        }),
      );
    }
    const isPSObject = PSOBJECT_NAMES.has(name.toLowerCase()) || PSOBJECT_NAMES.has(type.fullName.toLowerCase());
    let created: unknown;
    if (isPSObject) created = new PSObject();
    else {
      try {
        created = invokeStaticMethod(type, 'new', p.ArgumentList ?? []);
      } catch (error) {
        if (!(error instanceof RuntimeError) || error.errorRecord.errorId !== 'MethodNotFound') throw error;
        ctx.throwTerminating(
          errorRecord(`A constructor was not found. Cannot find an appropriate constructor for type ${type.fullName}.`, 'CannotFindAppropriateCtor', 'ObjectNotFound', {
            typeName: 'System.Management.Automation.PSArgumentException',
            targetObject: type.fullName,
          }),
        );
      }
    }
    if (p.Property) {
      for (const [key, value] of p.Property.entries()) {
        const property = String(key);
        if (created instanceof PSObject && !created.hasProperty(property)) created.addNote(property, value);
        else setMember(created, property, value);
      }
    }
    await ctx.write(created);
  },
});
