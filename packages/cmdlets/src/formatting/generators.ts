/**
 * The view generators: how one object becomes an entry of a table, list, wide or custom view
 * (from a registered view, or from the object's own properties), and what the document's start
 * declares (the table's columns, their labels, widths and alignment).
 */
import { typeNamesOf } from '@dpmsh/runtime';
import type { Scope } from '@dpmsh/runtime';
import type { Alignment } from './table.js';
import { FormatStartData } from './packets.js';
import type { EntryInfo, TableColumnInfo } from './packets.js';
import { viewItems } from './views.js';
import { tablesOr, type FormattingTables } from './tables.js';
import type { FormatView, ViewColumn, ViewKind } from './views.js';
import { FormatExpression, allProperties, resolveParameters } from './expressions.js';
import type { FormatParameter, ResolvedParameter } from './expressions.js';
import { fieldText, isScalar } from './scalar.js';
import { propertyNames, readProperty } from './properties.js';

/** The shapes the Format-* cmdlets ask for. */
export type FormatShape = 'table' | 'list' | 'wide';

/** The parameters of Format-Table, Format-List and Format-Wide. */
export interface FormatOptions {
  /** -Property: names (wildcards allowed), script blocks, calculated properties. */
  readonly property?: readonly unknown[];
  /** -GroupBy: a name, script block or calculated property. */
  readonly groupBy?: unknown;
  readonly autoSize?: boolean;
  readonly wrap?: boolean;
  readonly hideTableHeaders?: boolean;
  /** -Force: format scalars with the requested shape instead of printing them as text. */
  readonly force?: boolean;
  /** Format-Wide -Column. */
  readonly column?: number;
  /** -View: the name of a registered view. */
  readonly view?: string;
  /** $FormatEnumerationLimit (4 when absent; negative for no limit). */
  readonly enumerationLimit?: number;
  /** The scope script blocks of calculated properties run from. */
  readonly scope?: Scope;
  /** The session's views and type data; the standard ones when absent. */
  readonly tables?: FormattingTables;
}

/** The properties a table or list shows when no -Property was given. */
function defaultProperties(obj: unknown, limitToTen: boolean, tables: FormattingTables | undefined): ResolvedParameter[] {
  const set = tablesOr(tables).types.defaultDisplayPropertySet(typeNamesOf(obj));
  if (set) return allProperties(obj, set);
  const all = allProperties(obj);
  // A table shows at most ten columns of an object's own properties.
  return limitToTen ? all.slice(0, 10) : all;
}

/** True when an object has something to format besides its text. */
export function hasProperties(obj: unknown, tables: FormattingTables | undefined): boolean {
  return propertyNames(obj).length > 0 || tablesOr(tables).formats.find(typeNamesOf(obj)) !== undefined;
}

async function viewValue(column: ViewColumn, obj: unknown): Promise<unknown> {
  if (typeof column.property === 'function') {
    try {
      return await column.property(obj);
    } catch {
      return null;
    }
  }
  const read = readProperty(obj, column.property);
  return read.found ? read.value : null;
}

function viewLabel(column: ViewColumn): string {
  return column.label ?? (typeof column.property === 'string' ? column.property : '');
}

function customLines(view: FormatView, obj: unknown): string[] {
  const rendered = view.render ? view.render(obj) : [];
  const lines = typeof rendered === 'string' ? [rendered] : [...rendered];
  return lines.flatMap((line) => line.replace(/\r/g, '').split('\n'));
}

/** The default alignment of a property column: right for numbers and other scalars except strings. */
async function defaultAlignment(obj: unknown, expression: FormatExpression, scope: Scope | undefined): Promise<Alignment> {
  const read = await expression.evaluate(obj, scope);
  if (!read.found || read.value === null || read.value === undefined) return 'left';
  const names = typeNamesOf(read.value);
  if (names[0] === 'System.String') return 'left';
  return isScalar(read.value) ? 'right' : 'left';
}

const DISPLAY_NAME_PATTERNS = ['name', 'id', 'key', '*key', '*name', '*id'];

/** The property Format-Wide shows when none is given: Name, Id, Key or a name ending so, else the first. */
function displayNameExpression(obj: unknown): FormatExpression | undefined {
  for (const pattern of DISPLAY_NAME_PATTERNS) {
    const [first] = new FormatExpression(pattern).resolve(obj).filter((e) => !/^(PSComputerName|PSShowComputerName|RunspaceId|PSSourceJobInstanceId)$/i.test(e.text));
    if (first && readProperty(obj, first.text).found) return first;
  }
  return undefined;
}

/** Produces a document's start packet and its entries. */
export interface ViewGenerator {
  /** The registered view, when the document uses one: objects it does not apply to print on their own. */
  readonly view: FormatView | undefined;
  start(first: unknown): Promise<FormatStartData>;
  entry(obj: unknown): Promise<EntryInfo>;
}

/** Tables: from a view's columns, or from the first object's properties (which fix the columns for the rest). */
class TableGenerator implements ViewGenerator {
  #columns: ResolvedParameter[] = [];
  constructor(
    readonly view: FormatView | undefined,
    readonly options: FormatOptions,
    readonly parameters: readonly FormatParameter[] | undefined,
  ) {}

  async start(first: unknown): Promise<FormatStartData> {
    const hideHeader = this.options.hideTableHeaders ?? this.view?.hideTableHeaders ?? false;
    const autoSize = this.options.autoSize ?? this.view?.autoSize ?? false;
    if (this.view) {
      const columns = viewItems(this.view).map((c) => ({ label: viewLabel(c), width: c.width ?? 0, alignment: c.alignment }));
      return new FormatStartData({ kind: 'table', columns, hideHeader }, autoSize);
    }
    this.#columns = this.parameters ? resolveParameters(this.parameters, first, true) : defaultProperties(first, true, this.options.tables);
    const columns: TableColumnInfo[] = [];
    for (const c of this.#columns) {
      columns.push({ label: c.name, width: c.width ?? 0, alignment: c.alignment ?? (await defaultAlignment(first, c.expression, this.options.scope)) });
    }
    return new FormatStartData({ kind: 'table', columns, hideHeader }, autoSize);
  }

  async entry(obj: unknown): Promise<EntryInfo> {
    const wrap = this.options.wrap ?? this.view?.wrap ?? false;
    const limit = this.options.enumerationLimit;
    const cells: string[] = [];
    const alignments: (Alignment | undefined)[] = [];
    if (this.view) {
      for (const c of viewItems(this.view)) {
        cells.push(fieldText(await viewValue(c, obj), { enumerationLimit: limit, formatString: c.format }));
        alignments.push(c.alignment);
      }
    } else {
      for (const c of this.#columns) {
        const read = await c.expression.evaluate(obj, this.options.scope);
        cells.push(read.found ? fieldText(read.value, { enumerationLimit: limit, formatString: c.formatString, table: true }) : '');
        alignments.push(undefined);
      }
    }
    return { kind: 'tableRow', cells, alignments, wrap };
  }
}

/** Lists: from a view's entries, or from each object's own properties. */
export class ListGenerator implements ViewGenerator {
  constructor(
    readonly view: FormatView | undefined,
    readonly options: FormatOptions,
    readonly parameters: readonly FormatParameter[] | undefined,
  ) {}

  start(): Promise<FormatStartData> {
    return Promise.resolve(new FormatStartData({ kind: 'list' }, false));
  }

  async entry(obj: unknown): Promise<EntryInfo> {
    const limit = this.options.enumerationLimit;
    const labels: string[] = [];
    const values: string[] = [];
    if (this.view) {
      for (const c of viewItems(this.view)) {
        labels.push(viewLabel(c));
        values.push(fieldText(await viewValue(c, obj), { enumerationLimit: limit, formatString: c.format }));
      }
    } else {
      // A list works out its properties again for every object.
      const properties = this.parameters ? resolveParameters(this.parameters, obj, false) : defaultProperties(obj, false, this.options.tables);
      for (const p of properties) {
        const read = await p.expression.evaluate(obj, this.options.scope);
        labels.push(p.name);
        values.push(read.found ? fieldText(read.value, { enumerationLimit: limit, formatString: p.formatString }) : '');
      }
    }
    return { kind: 'listEntry', labels, values };
  }
}

/** Wide lists: one value per object, a view's item or the object's name-like property. */
class WideGenerator implements ViewGenerator {
  constructor(
    readonly view: FormatView | undefined,
    readonly options: FormatOptions,
    readonly parameters: readonly FormatParameter[] | undefined,
  ) {}

  start(): Promise<FormatStartData> {
    const autoSize = this.options.autoSize ?? this.view?.autoSize ?? false;
    const columns = autoSize ? 0 : (this.options.column ?? this.view?.columnCount ?? 0);
    return Promise.resolve(new FormatStartData({ kind: 'wide', columns }, autoSize));
  }

  async entry(obj: unknown): Promise<EntryInfo> {
    const limit = this.options.enumerationLimit;
    if (this.view) {
      const [item] = viewItems(this.view);
      return { kind: 'wideItem', text: item ? fieldText(await viewValue(item, obj), { enumerationLimit: limit, formatString: item.format }) : '' };
    }
    let parameter: FormatParameter | undefined;
    if (this.parameters) parameter = resolveParameters(this.parameters, obj, false)[0];
    else {
      const named = displayNameExpression(obj);
      parameter = named ? { expression: named } : defaultProperties(obj, false, this.options.tables)[0];
    }
    if (!parameter) return { kind: 'wideItem', text: '' };
    const read = await parameter.expression.evaluate(obj, this.options.scope);
    return { kind: 'wideItem', text: read.found ? fieldText(read.value, { enumerationLimit: limit, formatString: parameter.formatString }) : '' };
  }
}

/** Custom views: the lines the view renders. */
export class CustomGenerator implements ViewGenerator {
  constructor(readonly view: FormatView) {}

  start(): Promise<FormatStartData> {
    return Promise.resolve(new FormatStartData({ kind: 'custom' }, false));
  }

  entry(obj: unknown): Promise<EntryInfo> {
    return Promise.resolve({ kind: 'lines', lines: customLines(this.view, obj) });
  }
}

/** The generator of a shape, for a registered view or for the objects' properties. */
export function generatorFor(kind: ViewKind, view: FormatView | undefined, options: FormatOptions, parameters: readonly FormatParameter[] | undefined): ViewGenerator {
  switch (kind) {
    case 'table':
      return new TableGenerator(view, options, parameters);
    case 'list':
      return new ListGenerator(view, options, parameters);
    case 'wide':
      return new WideGenerator(view, options, parameters);
    case 'custom':
      return view ? new CustomGenerator(view) : new TableGenerator(view, options, parameters);
  }
}
