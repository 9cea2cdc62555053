/**
 * PowerShell's output formatting: format views, table/list/wide layout, Out-Default's streaming
 * formatter and Out-String.
 *
 * How the Format-* cmdlets fit: like PowerShell's, they write format data (FormatStartData,
 * GroupStartData, FormatEntryData, GroupEndData, FormatEndData) made by a `FormatShaper`, not
 * text. Out-Default and Out-String lay that data out for their own width, so `Format-Table` at
 * the end of a pipeline and `Format-Table | Out-String` print exactly what PowerShell prints,
 * and `Format-Table | Out-String -Width 200` is laid out at 200 columns.
 */
export { FormatTable, standardFormatTable } from './views.js';
export type { FormatView, ViewColumn, ViewGroupBy, ViewKind } from './views.js';
export { standardTables } from './tables.js';
export type { FormattingTables } from './tables.js';
export type { Alignment } from './table.js';
export { FormatShaper } from './shaper.js';
export type { FormatOptions, FormatShape } from './shaper.js';
export { FormatData, FormatStartData, GroupStartData, FormatEntryData, GroupEndData, FormatEndData, isFormatData } from './packets.js';
export type { ShapeInfo, EntryInfo, TableColumnInfo } from './packets.js';
export { FormatRenderer, GROUPING_DURATION_MS, UNBOUNDED_WIDTH } from './renderer.js';
export type { RendererOptions } from './renderer.js';
export { createOutDefault, createLineFormatter, enumerationLimitOf, DEFAULT_CONSOLE_WIDTH } from './default-formatter.js';
export type { FormattingSession, StreamingFormatter, LineFormatterOptions, OutDefaultOptions } from './default-formatter.js';
export { outString, formatTable, formatList, formatWide, formatData } from './text-output.js';
export type { TextWidthOptions } from './text-output.js';
export { parseFormatParameters, FormatExpression } from './expressions.js';
export type { FormatParameter, ParameterUse } from './expressions.js';
export { isScalar, displayText, fieldText, scalarLines, DEFAULT_ENUMERATION_LIMIT } from './scalar.js';
export { formatItems } from './enumerate.js';
export { ELLIPSIS } from './lines.js';
export { categoryInfoMessage, errorViewOf, formatErrorRecord, positionMessage } from './error-view.js';
export type { ErrorView, ErrorViewOptions } from './error-view.js';
