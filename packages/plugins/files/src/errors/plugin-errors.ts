/** The errors the files plugin raises for a user to act on, each with a stable id. */
import { PluginError } from '@dpmsh/sdk';

/** The data source's directory is gone or is no directory. */
export function dataSourceNotFound(path: string, reason: string): PluginError {
  return new PluginError({
    errorId: 'DataSourceNotFound',
    category: 'ObjectNotFound',
    target: path,
    message: `The folder ${path} cannot be backed up: ${reason}. Check that it exists, or remove it from protection.`,
  });
}

/** A restored item exists and the overwrite policy is 'fail'. */
export function restoreTargetExists(path: string): PluginError {
  return new PluginError({
    errorId: 'RestoreTargetExists',
    category: 'ResourceExists',
    target: path,
    message: `Cannot restore ${path}: it already exists and the overwrite policy is 'fail'. Choose to overwrite or skip existing items, or restore to another location.`,
  });
}

/** A restore would write outside its target directory. */
export function restoreOutsideTarget(path: string, target: string): PluginError {
  return new PluginError({
    errorId: 'RestoreOutsideTarget',
    category: 'InvalidData',
    target: path,
    message: `Refusing to restore ${path}: it lies outside the restore target ${target} (through a link or a bad entry path).`,
  });
}

/** A directory of the restore target was replaced (by a link or another directory) while a restore wrote there. */
export function restoreTargetChanged(path: string, target: string): PluginError {
  return new PluginError({
    errorId: 'RestoreTargetChanged',
    category: 'WriteError',
    target: path,
    message: `Stopped restoring at ${path}: the directory the restore created or opened there was replaced (by a link or another directory) while the restore was writing in ${target}, so nothing was written or changed through it. Find out who else writes in ${target}, then restore again.`,
  });
}

/** The restore target cannot be used. */
export function invalidRestoreTarget(reason: string, target?: string): PluginError {
  return new PluginError({
    errorId: 'InvalidRestoreTarget',
    category: 'InvalidArgument',
    ...(target === undefined ? {} : { target }),
    message: `The restore target cannot be used: ${reason}.`,
  });
}

/** The error's code (ENOENT, EACCES...), or undefined for an error without one. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
