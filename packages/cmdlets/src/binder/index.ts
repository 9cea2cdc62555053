/**
 * The parameter binder: PowerShell's binding algorithm as pure functions over command metadata.
 */
export type { BindFailure, BindOptions, BindState, BoundParameters, CommandArgument } from './types.js';
export { bindArguments, bindPrompted, isBindFailure, missingMandatory, missingMandatoryFailure } from './bind.js';
export { bindPipelineInput } from './pipeline-input.js';
export type { PipelineInputOptions, PropertyReader } from './pipeline-input.js';
export { validateScripts } from './validate-script.js';
export { evaluateDelayBind } from './delay-bind.js';
export { allParameters, commonParameters, ACTION_PREFERENCE_TYPE } from './common-parameters.js';
