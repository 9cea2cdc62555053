import { describe, expect, it } from 'vitest';
import { AZURE_REGIONS, findRegion, normalizeRegion, sameRegion } from './regions.js';
import { expectDomainError } from './test-support/domain-error.js';

describe('regions', () => {
  it('keeps the user spelling of a valid region', () => {
    expect(normalizeRegion('West US')).toBe('West US');
    expect(normalizeRegion('westus')).toBe('westus');
    expect(normalizeRegion('  WESTUS2 ')).toBe('WESTUS2');
  });

  it('finds a region by name or display name, case- and space-insensitively', () => {
    expect(findRegion('west us')).toEqual({ name: 'westus', displayName: 'West US' });
    expect(findRegion('WestUS')).toEqual({ name: 'westus', displayName: 'West US' });
    expect(findRegion('West US 2')?.name).toBe('westus2');
    expect(findRegion('Mars Central')).toBeUndefined();
  });

  it('compares spellings', () => {
    expect(sameRegion('West US', 'westus')).toBe(true);
    expect(sameRegion('West US', 'West US 2')).toBe(false);
  });

  it('has unique short names, each its display name without spaces', () => {
    const names = AZURE_REGIONS.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of AZURE_REGIONS) expect(r.displayName.replace(/ /g, '').toLowerCase()).toBe(r.name);
  });

  it('refuses an unknown region, with examples of valid ones', () => {
    const e = expectDomainError(() => normalizeRegion('westuss'), 'InvalidRegion');
    expect(e.message).toContain("'westuss'");
    expect(e.recommendedAction).toContain('westus');
    expectDomainError(() => normalizeRegion(''), 'InvalidRegion');
  });
});
