import { describe, expect, it } from 'vitest';
import { approvedVerb, approvedVerbs } from './verbs.js';

describe('approved verbs', () => {
  it('finds a verb case-insensitively, with its canonical casing and group', () => {
    expect(approvedVerb('convertto')).toEqual({ verb: 'ConvertTo', group: 'Data' });
    expect(approvedVerb('GET')).toEqual({ verb: 'Get', group: 'Common' });
    expect(approvedVerb('Use')).toEqual({ verb: 'Use', group: 'Other' });
    expect(approvedVerb('Fetch')).toBeUndefined();
  });

  it('lists every verb once, grouped as Get-Verb lists them', () => {
    const all = approvedVerbs();
    expect(all).toHaveLength(100);
    expect(new Set(all.map((v) => v.verb.toLowerCase())).size).toBe(all.length);
    expect([...new Set(all.map((v) => v.group))]).toEqual(['Common', 'Communications', 'Data', 'Diagnostic', 'Lifecycle', 'Security', 'Other']);
  });
});
