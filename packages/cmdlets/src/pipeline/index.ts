export { runPipeline } from './run.js';
export type { PipelineElementSpec, PipelineResult, PipelineSpec } from './run.js';
export type { PipelineRedirection, RedirectedStream } from './redirection.js';
export { hostTargets } from './streams.js';
export type { StreamTargets } from './streams.js';
export { shouldProcessDescription } from './should-process.js';
export {
  CONFIRM_CAPTION,
  HALT,
  NO,
  NON_INTERACTIVE_MESSAGE,
  NO_TO_ALL,
  YES,
  YES_TO_ALL,
  actionPreferenceStop,
  inquire,
  nonInteractivePrompt,
  preferenceStop,
  promptChoice,
} from './prompts.js';
