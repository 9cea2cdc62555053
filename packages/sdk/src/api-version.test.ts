import { describe, expect, it } from 'vitest';
import { SUPPORTED_API_VERSIONS, isSupportedApiVersion } from './api-version.js';
import { SDK_API_VERSION } from './contract.js';

describe('isSupportedApiVersion', () => {
  it('speaks the SDK version', () => {
    expect(SUPPORTED_API_VERSIONS).toContain(SDK_API_VERSION);
    expect(isSupportedApiVersion(SDK_API_VERSION)).toBe(true);
  });

  it.each([0, 2, 1.5, '1', undefined])('refuses %s', (version) => {
    expect(isSupportedApiVersion(version)).toBe(false);
  });
});
