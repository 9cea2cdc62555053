import { describe, expect, it } from 'vitest';
import { serializeJson } from './json-serialize.js';
import { settleScriptProperties, PSHashtable, PSObject } from '@dpmsh/runtime';

/** A custom object with a note A and a script property Double whose getter resolves later, as a script block does. */
function withScriptProperty(a: number): PSObject {
  const o = PSObject.from({ A: a });
  o.addProperty({ name: 'Double', kind: 'ScriptProperty', get: () => Promise.resolve(a * 2) });
  return o;
}

describe('settleScriptProperties', () => {
  it('runs script property getters into note values, nested objects and hashtables included', async () => {
    const outer = new PSHashtable();
    outer.set('inner', withScriptProperty(3));
    const settled = await settleScriptProperties([withScriptProperty(2), outer], 3);
    expect(serializeJson(settled, { depth: 2, compress: true }).text).toBe('[{"A":2,"Double":4},{"inner":{"A":3,"Double":6}}]');
  });

  it('returns an object without script properties as it is, and $null for a getter that fails', async () => {
    const plain = PSObject.from({ A: 1 });
    expect(await settleScriptProperties(plain)).toBe(plain);
    const failing = PSObject.from({ A: 1 });
    failing.addProperty({ name: 'Bad', kind: 'ScriptProperty', get: () => Promise.reject(new Error('boom')) });
    expect(((await settleScriptProperties(failing)) as PSObject).read('Bad')).toBeNull();
  });
});
