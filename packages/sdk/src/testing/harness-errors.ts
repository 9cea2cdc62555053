/**
 * What the harness throws. Both are AssertionErrors, so a test runner shows them as failed
 * expectations with their message, not as crashes.
 */
import { AssertionError } from 'node:assert';
import type { TreeDifference } from './compare-trees.js';
import type { RoundTripReport } from './round-trip.js';

/** The plugin yielded or did something the contract forbids (a bad path, a file before its directory...). */
export class PluginContractViolation extends AssertionError {
  readonly pluginName: string;

  constructor(pluginName: string, problem: string) {
    super({ message: `The plugin '${pluginName}' broke the plugin contract: ${problem}.` });
    this.name = 'PluginContractViolation';
    this.pluginName = pluginName;
  }
}

/** A restored tree differed from its source; `report` holds the whole round trip, `report.differences` what differed. */
export class RoundTripMismatchError extends AssertionError {
  readonly report: RoundTripReport;

  constructor(pluginName: string, restoredTo: string, differences: readonly TreeDifference[], report: RoundTripReport) {
    const lines = differences.map((difference) => `  - ${difference.message}`);
    super({
      message: `The round trip of the plugin '${pluginName}' restored something other than its source (kept at ${restoredTo}):\n${lines.join('\n')}`,
    });
    this.name = 'RoundTripMismatchError';
    this.report = report;
  }
}
