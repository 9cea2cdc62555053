/** The errors of files the cmdlets write (Out-File, Export-Csv), worded as .NET words them. */
import type { ErrorRecord} from '@dpmsh/runtime';
import { errorRecord } from '@dpmsh/runtime';

/** The error of a file that cannot be opened for writing, as .NET words it. */
export function fileOpenError(path: string, error: unknown): ErrorRecord {
  const code = (error as { code?: string }).code;
  const message =
    code === 'ENOENT'
      ? `Could not find a part of the path '${path}'.`
      : code === 'EACCES' || code === 'EPERM'
        ? `Access to the path '${path}' is denied.`
        : code === 'EISDIR'
          ? `Access to the path '${path}' is denied.`
          : `The file '${path}' cannot be written: ${(error as Error).message}`;
  return errorRecord(message, 'FileOpenFailure', 'OpenError', { typeName: code === 'ENOENT' ? 'System.IO.DirectoryNotFoundException' : 'System.UnauthorizedAccessException', targetObject: path });
}
