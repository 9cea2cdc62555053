/** The server's progress reports as Write-Progress records, so the interactive shell draws a bar. */
import { formatBytes } from '@dpmsh/core';
import type { OperationOutput, OperationProgress, ProgressActivity } from '@dpmsh/server';
import type { CmdletContext } from '@dpmsh/cmdlets';

const ACTIVITY: Readonly<Record<ProgressActivity, string>> = {
  Backup: 'Backing up to disk',
  OnlineBackup: 'Copying to the vault',
  Restore: 'Restoring',
  Verify: 'Verifying',
  Repair: 'Repairing',
};

/** The status line: bytes (of the total), files, rate. */
export function progressStatus(p: OperationProgress): string {
  const total = p.bytesTotal === undefined ? '' : ` of ${formatBytes(p.bytesTotal)}`;
  const files = `${p.filesDone}${p.filesTotal === undefined ? '' : ` of ${p.filesTotal}`} file${p.filesDone === 1 && p.filesTotal === undefined ? '' : 's'}`;
  return `${formatBytes(p.bytesDone)}${total}, ${files}, ${formatBytes(Math.round(p.bytesPerSecond))}/s`;
}

/** Writes a progress report as a progress record of the command. */
export function writeOperationProgress(ctx: CmdletContext<unknown>, p: OperationProgress, activityId = 1): void {
  const percent = p.completed ? 100 : p.bytesTotal ? Math.min(99, Math.floor((p.bytesDone / p.bytesTotal) * 100)) : -1;
  ctx.writeProgress({
    activityId,
    activity: `${ACTIVITY[p.activity]} ${p.datasourceName}`,
    status: progressStatus(p),
    ...(p.currentPath === undefined ? {} : { currentOperation: p.currentPath }),
    percentComplete: percent,
    secondsRemaining: p.secondsRemaining ?? -1,
    completed: p.completed,
  });
}

/** The command's signal, warnings, verbose messages and progress, for a server operation. */
export function operationOutput(ctx: CmdletContext<unknown>): OperationOutput & { onProgress: (p: OperationProgress) => void } {
  return {
    signal: ctx.signal,
    warn: (message) => ctx.writeWarning(message),
    verbose: (message) => ctx.writeVerbose(message),
    onProgress: (p) => writeOperationProgress(ctx, p),
  };
}
