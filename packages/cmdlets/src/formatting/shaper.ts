/**
 * The front half of PowerShell's formatter (format-default and the Format-* cmdlets): it turns
 * objects into format data. The first object decides the document's view: a registered view for
 * its type, else a table of its properties (up to four) or a list (five or more). Later objects
 * join that document, except scalars, which print as their text wherever they appear, and
 * objects a registered view does not apply to, which print on their own as a list.
 */
import { ErrorRecord, PSException, RuntimeError, typeNamesOf, equals } from '@dpmsh/runtime';
import type { HostStream } from '../host/host.js';
import { FormatEndData, FormatEntryData, GroupEndData, GroupStartData, isFormatData } from './packets.js';
import type { FormatData } from './packets.js';
import { viewAppliesTo } from './views.js';
import { tablesOr } from './tables.js';
import { parseFormatParameters } from './expressions.js';
import type { FormatParameter } from './expressions.js';
import { CustomGenerator, ListGenerator, generatorFor, hasProperties } from './generators.js';
import type { FormatOptions, FormatShape, ViewGenerator } from './generators.js';
import { DEFAULT_ENUMERATION_LIMIT, displayText, fieldText, isScalar } from './scalar.js';
import { formatItems } from './enumerate.js';
import { propertyNames, readProperty } from './properties.js';
import type { PropertyRead } from './properties.js';

export type { FormatOptions, FormatShape } from './generators.js';

function viewNotFound(name: string, shape: FormatShape, obj: unknown): RuntimeError {
  const kind = shape === 'table' ? 'Table' : shape === 'list' ? 'List' : 'Wide';
  const typeName = typeNamesOf(obj)[0] ?? 'System.Object';
  const record = new ErrorRecord({
    exception: new PSException('The pipeline has been stopped.', { typeName: 'System.Management.Automation.PipelineStoppedException' }),
    errorId: 'FormatViewNotFound',
    category: 'ObjectNotFound',
    targetObject: name,
    detailsMessage: `The view name ${name} cannot be found. There are no existing ${kind} views for ${typeName} objects.`,
  });
  return new RuntimeError(record);
}

/** Tracks -GroupBy: a new group whenever the key's value changes. */
class Grouping {
  #value: { readonly found: boolean; readonly value: unknown } | undefined;
  constructor(
    readonly key: (obj: unknown) => Promise<PropertyRead>,
    readonly label: string,
    readonly options: FormatOptions,
    readonly render?: (value: unknown) => string,
  ) {}

  /** Takes the key of the next object; true when it starts a new group. */
  async update(obj: unknown): Promise<boolean> {
    const read = await this.key(obj);
    const next = read.found ? { found: true, value: read.value } : { found: false, value: undefined };
    const previous = this.#value;
    this.#value = next;
    return previous === undefined || !sameKey(previous, next);
  }

  /** The group header, `   Label: value`; none when the key was missing. */
  header(): string | undefined {
    if (!this.#value?.found) return undefined;
    if (this.render) return this.render(this.#value.value);
    return `   ${this.label}: ${fieldText(this.#value.value, { enumerationLimit: this.options.enumerationLimit })}`;
  }
}

function sameKey(a: { found: boolean; value: unknown }, b: { found: boolean; value: unknown }): boolean {
  if (!a.found || !b.found) return a.found === b.found;
  const x = a.value ?? null;
  const y = b.value ?? null;
  if (x === null || y === null) return x === y;
  try {
    return equals(x, y) || equals(y, x);
  } catch {
    return false;
  }
}

/**
 * Turns objects into format data, as format-default (no shape) or Format-Table/-List/-Wide do.
 * Feed it every object with `process`, then call `end` once.
 */
export class FormatShaper {
  readonly #shape: FormatShape | undefined;
  readonly #options: FormatOptions;
  readonly #parameters: readonly FormatParameter[] | undefined;
  readonly #groupBy: FormatParameter | undefined;
  #generator: ViewGenerator | undefined;
  #grouping: Grouping | undefined;
  #state: 'none' | 'document' | 'group' = 'none';

  constructor(shape: FormatShape | undefined, options: FormatOptions = {}) {
    this.#shape = shape;
    this.#options = { ...options, enumerationLimit: options.enumerationLimit ?? DEFAULT_ENUMERATION_LIMIT };
    const use = shape === 'wide' ? 'wide' : shape === 'list' ? 'list' : 'table';
    this.#parameters = options.property && options.property.length > 0 ? parseFormatParameters(options.property, use) : undefined;
    this.#groupBy = options.groupBy !== undefined && options.groupBy !== null ? parseFormatParameters([options.groupBy], 'groupBy')[0] : undefined;
  }

  /** The format data for one pipeline object (collections and hashtables are unrolled one level). */
  async process(value: unknown, stream?: HostStream): Promise<FormatData[]> {
    if (value === null || value === undefined) return [];
    if (isFormatData(value)) return [value];
    const out: FormatData[] = [];
    for (const item of formatItems(value)) out.push(...(await this.#processObject(item ?? '', stream)));
    return out;
  }

  /** True while a document is open (between its start and `end`). */
  get isOpen(): boolean {
    return this.#state !== 'none';
  }

  /** Closes the open group and document. */
  end(): FormatData[] {
    const out: FormatData[] = [];
    if (this.#state === 'group') out.push(new GroupEndData());
    if (this.#state !== 'none') out.push(new FormatEndData());
    this.#state = 'none';
    return out;
  }

  get #printsScalarsAsText(): boolean {
    return this.#shape === undefined || !this.#options.force;
  }

  async #processObject(obj: unknown, stream: HostStream | undefined): Promise<FormatData[]> {
    if (isFormatData(obj)) return [obj];
    if (this.#printsScalarsAsText) {
      const alone = await this.#outOfBand(obj, false, stream);
      if (alone) return [alone];
    }
    const out: FormatData[] = [];
    if (this.#state === 'none') {
      this.#generator = this.#selectGenerator(obj);
      this.#grouping = this.#makeGrouping();
      out.push(await this.#generator.start(obj));
      this.#state = 'document';
    }
    const generator = this.#generator!;
    if (this.#printsScalarsAsText && generator.view && !viewAppliesTo(generator.view, typeNamesOf(obj))) {
      const alone = await this.#outOfBand(obj, true, stream);
      if (alone) {
        out.push(alone);
        return out;
      }
    }
    const newGroup = this.#grouping ? await this.#grouping.update(obj) : false;
    if (this.#state === 'document') {
      out.push(new GroupStartData(this.#grouping?.header()));
      this.#state = 'group';
    } else if (newGroup) {
      // PowerShell puts an empty line before every group but the first.
      out.push(new FormatEntryData({ kind: 'lines', lines: [''] }, true));
      out.push(new GroupEndData());
      out.push(new GroupStartData(this.#grouping?.header()));
    }
    out.push(new FormatEntryData(await generator.entry(obj), false, stream));
    return out;
  }

  #selectGenerator(obj: unknown): ViewGenerator {
    const typeNames = typeNamesOf(obj);
    const shape = this.#shape;
    if (shape === undefined) {
      const { formats, types } = tablesOr(this.#options.tables);
      const view = formats.find(typeNames);
      if (view) return generatorFor(view.kind, view, this.#options, undefined);
      const count = (types.defaultDisplayPropertySet(typeNames) ?? propertyNames(obj)).length;
      return generatorFor(count <= 4 ? 'table' : 'list', undefined, this.#options, undefined);
    }
    if (this.#parameters) return generatorFor(shape, undefined, this.#options, this.#parameters);
    if (this.#options.view !== undefined) {
      const named = tablesOr(this.#options.tables).formats.find(typeNames, shape, this.#options.view);
      if (!named) throw viewNotFound(this.#options.view, shape, obj);
      return generatorFor(shape, named, this.#options, undefined);
    }
    return generatorFor(shape, tablesOr(this.#options.tables).formats.find(typeNames, shape), this.#options, undefined);
  }

  #makeGrouping(): Grouping | undefined {
    const scope = this.#options.scope;
    if (this.#groupBy) {
      const { expression, label } = this.#groupBy;
      return new Grouping((obj) => expression.evaluate(obj, scope), label ?? expression.text, this.#options);
    }
    const viewGroup = this.#generator?.view?.groupBy;
    if (!viewGroup) return undefined;
    const { property } = viewGroup;
    const key = async (obj: unknown): Promise<PropertyRead> => (typeof property === 'string' ? readProperty(obj, property) : { found: true, value: await property(obj) });
    return new Grouping(key, viewGroup.label ?? (typeof property === 'string' ? property : ''), this.#options, viewGroup.header);
  }

  /** An object printed on its own: by its out-of-band view, as its text, or (when asked) as a list. */
  async #outOfBand(obj: unknown, asList: boolean, stream: HostStream | undefined): Promise<FormatEntryData | undefined> {
    const typeNames = typeNamesOf(obj);
    const view = tablesOr(this.#options.tables).formats.findOutOfBand(typeNames);
    if (view) {
      const entry = view.kind === 'custom' ? await new CustomGenerator(view).entry(obj) : await new ListGenerator(view, this.#options, undefined).entry(obj);
      return new FormatEntryData(entry, true, stream);
    }
    if (isScalar(obj) || !hasProperties(obj, this.#options.tables)) return new FormatEntryData({ kind: 'rawText', text: displayText(obj) }, true, stream);
    if (!asList || propertyNames(obj).length === 0) return undefined;
    return new FormatEntryData(await new ListGenerator(undefined, this.#options, undefined).entry(obj), true, stream);
  }
}
