/**
 * A session's extended type data, as PowerShell's TypeTable holds what *.types.ps1xml add to a
 * type: here the properties a type shows by default (PSStandardMembers.DefaultDisplayPropertySet),
 * which formatting uses when the type has no view. Each session has its own, so what one session
 * (or a module loaded into it) adds never shows in another.
 */
export class TypeTable {
  readonly #displayPropertySets = new Map<string, readonly string[]>();

  /** Sets the properties a type shows by default. */
  setDefaultDisplayPropertySet(typeName: string, properties: readonly string[]): void {
    this.#displayPropertySets.set(typeName.toLowerCase(), [...properties]);
  }

  /** The default display property set of the most derived type name that has one. */
  defaultDisplayPropertySet(typeNames: readonly string[]): readonly string[] | undefined {
    for (const typeName of typeNames) {
      const set = this.#displayPropertySets.get(typeName.toLowerCase());
      if (set) return set;
    }
    return undefined;
  }
}
