/** The -Scope argument of the variable and alias cmdlets: Global, Local, Script, Private or a number. */
import { errorRecord, terminate } from '@dpmsh/runtime';
import type { Scope } from '@dpmsh/runtime';

/** The scope `-Scope text` names, seen from `current`; throws PowerShell's error for a bad name or number. */
export function scopeFromArgument(current: Scope, text: string | undefined): Scope {
  if (text === undefined) return current;
  const lower = text.trim().toLowerCase();
  if (lower === 'global') return current.global;
  if (lower === 'local' || lower === 'private') return current;
  if (lower === 'script') return current.nearest('script');
  if (/^\d+$/.test(lower)) {
    let scope: Scope | undefined = current;
    for (let n = Number(lower); n > 0 && scope; n--) scope = scope.parent;
    if (scope) return scope;
    terminate(
      errorRecord(`The scope number '${lower}' exceeds the number of active scopes. (Parameter 'scopeID')\nActual value was ${lower}.`, 'ArgumentOutOfRange', 'InvalidArgument', {
        typeName: 'System.Management.Automation.PSArgumentOutOfRangeException',
        targetObject: Number(lower),
      }),
    );
  }
  terminate(
    errorRecord(`The scope "${text}" could not be found. Use "Global", "Local", "Script", "Private" or a number between 0 and the number of scopes.`, 'ArgumentException', 'InvalidArgument', {
      typeName: 'System.ArgumentException',
      targetObject: text,
    }),
  );
}

/** Every scope from `scope` up to the global one. */
export function scopeChain(scope: Scope): Scope[] {
  const chain: Scope[] = [];
  for (let s: Scope | undefined = scope; s; s = s.parent) chain.push(s);
  return chain;
}
