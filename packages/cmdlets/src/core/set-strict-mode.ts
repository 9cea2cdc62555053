/** Set-StrictMode. */
import { defineCmdlet } from '../session/cmdlet.js';
import { errorRecord, toText } from '@dpmsh/runtime';

/** The strict-mode level a -Version argument names: 1, 2 or 3 (Latest); undefined when it is not one. */
export function strictModeLevel(value: unknown): number | undefined {
  const text = toText(value).trim().toLowerCase();
  if (text === 'latest') return 3;
  const m = /^(\d+)(?:\.(\d+))?(?:\.\d+){0,2}$/.exec(text);
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2] ?? 0);
  return major >= 1 && major <= 3 && minor === 0 ? major : undefined;
}

/** A -Version argument as PowerShell's [version] shows it: 4 is 4.0. */
function versionText(value: unknown): string {
  const text = toText(value).trim();
  return /^\d+$/.test(text) ? `${text}.0` : text;
}

/** Set-StrictMode. */
export const setStrictMode = defineCmdlet<{ Version?: unknown; Off?: boolean }>({
  name: 'Set-StrictMode',
  parameters: [
    { name: 'Version', type: 'object', aliases: ['v'], sets: { Version: { mandatory: true } }, description: '1.0, 2.0, 3.0 or Latest: the rules to enforce.' },
    { name: 'Off', type: 'switch', sets: { Off: { mandatory: true } }, description: 'Turns strict mode off for this scope and the scopes it creates.' },
  ],
  help: {
    synopsis: 'Establishes and enforces coding rules in expressions, scripts, and script blocks.',
    description:
      'Sets strict mode for the current scope and its child scopes. Version 1.0 makes a reference to a variable that was never set an error; 2.0 also makes a reference to a property an object does not have an error; 3.0 (Latest) adds the checks of later PowerShell versions that dpmsh has.',
    examples: [
      { title: 'Catch a misspelt variable', code: "Set-StrictMode -Version Latest\ntry { $undefinedName } catch { 'not set' }", output: 'not set' },
      { title: 'Turn strict mode off', code: 'Set-StrictMode -Off\n$null -eq $undefinedName', output: 'True' },
    ],
  },
  process(ctx) {
    if (ctx.parameterSetName === 'Off') {
      ctx.scope.strictMode = 0;
      return;
    }
    const level = strictModeLevel(ctx.params.Version);
    if (level === undefined) {
      ctx.throwTerminating(
        errorRecord(
          `Cannot validate argument on parameter 'Version'. The ${versionText(ctx.params.Version)} strict mode version is not a valid version. Valid versions are: 1.0, 2.0, 3.0, Latest.`,
          'ParameterArgumentValidationError',
          'InvalidData',
          { typeName: 'System.Management.Automation.ParameterBindingValidationException', targetObject: ctx.params.Version },
        ),
      );
    }
    ctx.scope.strictMode = level;
  },
});
