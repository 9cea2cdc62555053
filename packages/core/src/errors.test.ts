import { describe, expect, it } from 'vitest';
import { DOMAIN_ERROR_IDS, DomainError, isDomainError } from './errors.js';

describe('DomainError', () => {
  it('carries id, code, category, recommended action, target and reason', () => {
    const e = new DomainError({
      id: 'VaultCredentialsInvalid',
      code: 34513,
      category: 'InvalidData',
      message: 'm',
      recommendedAction: 'a',
      target: 't',
      reason: 'r',
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DomainError');
    expect(e.message).toBe('m');
    expect([e.id, e.code, e.category, e.recommendedAction, e.target, e.reason]).toEqual([
      'VaultCredentialsInvalid',
      34513,
      'InvalidData',
      'a',
      't',
      'r',
    ]);
  });

  it('leaves optional fields absent when not given', () => {
    const e = new DomainError({ id: 'X', category: 'NotSpecified', message: 'm', recommendedAction: 'a' });
    expect('code' in e).toBe(false);
    expect('target' in e).toBe(false);
    expect('reason' in e).toBe(false);
  });

  it('isDomainError matches by class and optionally by id', () => {
    const e = new DomainError({ id: 'X', category: 'NotSpecified', message: 'm', recommendedAction: 'a' });
    expect(isDomainError(e)).toBe(true);
    expect(isDomainError(e, 'X')).toBe(true);
    expect(isDomainError(e, 'Y')).toBe(false);
    expect(isDomainError(new Error('m'))).toBe(false);
  });

  it('lists stable PascalCase ids once each', () => {
    expect(new Set(DOMAIN_ERROR_IDS).size).toBe(DOMAIN_ERROR_IDS.length);
    for (const id of DOMAIN_ERROR_IDS) expect(id).toMatch(/^[A-Z][A-Za-z0-9]+$/);
  });
});
