/**
 * Delay-bind script blocks: a script block given to a parameter that takes pipeline input
 * (`Rename-Item -NewName { $_.Name + '.bak' }`) runs for each input object with the object as
 * `$_`, and its output is what the parameter gets for that object.
 */
import { bindFailure, text } from './messages.js';
import { messageOf } from './coerce.js';
import type { BindFailure, BindState } from './types.js';

/**
 * Runs the state's delay-bind script blocks for one input object. Resolves to the values to pass
 * to `bindPipelineInput` as `delayBound`, or to the error for this object.
 */
export async function evaluateDelayBind(state: BindState, input: unknown): Promise<ReadonlyMap<string, unknown> | BindFailure> {
  const values = new Map<string, unknown>();
  for (const [name, script] of state.delayBind) {
    const extent = state.extents?.get(name);
    let output: unknown[];
    try {
      output = await script.invoke({ dollarUnder: input });
    } catch (e) {
      return bindFailure({
        message: text.scriptBlockArgumentInvocationFailed(name, messageOf(e)),
        errorId: 'ScriptBlockArgumentInvocationFailed',
        commandName: state.commandName,
        parameterName: name,
        extent,
        targetObject: input,
      });
    }
    if (output.length === 0) {
      return bindFailure({
        message: text.scriptBlockArgumentNoOutput(name),
        errorId: 'ScriptBlockArgumentNoOutput',
        commandName: state.commandName,
        parameterName: name,
        extent,
        targetObject: input,
      });
    }
    values.set(name, output.length === 1 ? output[0] : output);
  }
  return values;
}
