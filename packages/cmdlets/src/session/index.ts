export * from './commands.js';
export * from './engine.js';
export * from './session.js';
export { CommandRegistry, CommandRegistrationError, commandNotFound, commandNotFoundMessage } from './registry.js';
export type { AliasInfo, CmdletInfo, CommandQuery, FunctionInfo, RegistryContext } from './registry.js';
export { approvedVerb, approvedVerbs } from './verbs.js';
export type { ApprovedVerb, VerbGroup } from './verbs.js';
export { BUILT_IN_ALIASES } from './builtins.js';
export {
  ACTION_PREFERENCE_DEFAULTS,
  CONFIRM_IMPACT_TYPE,
  actionPreference,
  actionPreferenceValue,
  confirmImpactRank,
  confirmImpactValue,
  confirmPreference,
  toActionPreference,
  toConfirmImpact,
  whatIfPreference,
} from './preferences.js';
export type { ActionPreferenceVariable, ConfirmImpact } from './preferences.js';
export { ServiceKey, ServiceMap } from './services.js';
export type { DisposableService } from './services.js';
export { isDirectory, pathNotFound, resolveFileSystemPath } from './location.js';
export { PS_COMPATIBLE_VERSION, pathInfo } from './variables.js';
export { RecordingHost, choiceText } from './recording-host.js';
export type { ChoicePrompt, HostEvent, RecordingHostOptions } from './recording-host.js';
