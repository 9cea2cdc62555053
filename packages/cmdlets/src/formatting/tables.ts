/**
 * What formatting reads from a session: its format views and its type data. Each session has its
 * own; text formatted outside any session (Out-String in a test, an error message) sees the
 * standard views only.
 */
import { TypeTable } from '@dpmsh/runtime';
import { standardFormatTable, type FormatTable } from './views.js';

/** A session's format views and type data. */
export interface FormattingTables {
  readonly formats: FormatTable;
  readonly types: TypeTable;
}

let standard: FormattingTables | undefined;

/** The tables of a session that added nothing: the standard views and no type data. */
export function standardTables(): FormattingTables {
  return (standard ??= { formats: standardFormatTable(), types: new TypeTable() });
}

/** The tables given, or the standard ones. */
export function tablesOr(tables: FormattingTables | undefined): FormattingTables {
  return tables ?? standardTables();
}
