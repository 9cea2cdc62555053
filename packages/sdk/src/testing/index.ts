/**
 * @dpmsh/sdk/testing: proves a plugin's backup/restore round trip without the dpmsh server.
 * Recovery points live in memory; restores go to real directories compared with the source.
 */
export { runRoundTrip, type RoundTripOptions, type RoundTripReport, type BackupReport } from './round-trip.js';
export { compareTrees, isSparse, type CompareOptions, type TreeDifference, type DifferenceKind } from './compare-trees.js';
export { createTestContext, type TestContext, type TestContextOptions } from './test-context.js';
export { backupToMemory, type BackupStep, type MemoryBackup, type MemoryBackupOptions } from './backup-to-memory.js';
export { previousBackupOf, recoveryPointReader, selectedEntries } from './memory-reader.js';
export type { MemoryEntry, MemoryRecoveryPoint } from './recovery-point.js';
export type { StoredContent, StoredChunk } from './stored-content.js';
export type { EntryCounts } from './entry-recorder.js';
export { PluginContractViolation, RoundTripMismatchError } from './harness-errors.js';
