import { expect } from 'vitest';
import { DomainError } from '../errors.js';

/** Runs `action`, expects it to throw a DomainError with `id`, and returns that error for more checks. */
export function expectDomainError(action: () => unknown, id: string): DomainError {
  let thrown: unknown;
  try {
    action();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `expected DomainError ${id}`).toBeInstanceOf(DomainError);
  const error = thrown as DomainError;
  expect(error.id).toBe(id);
  expect(error.recommendedAction.length).toBeGreaterThan(0);
  return error;
}
