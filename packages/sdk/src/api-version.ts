import { SDK_API_VERSION } from './contract.js';

/**
 * The contract versions a host built with this SDK can load. A version leaves this list only in
 * a major release of the SDK, so a plugin written against it keeps loading until then.
 */
export const SUPPORTED_API_VERSIONS: readonly number[] = Object.freeze([SDK_API_VERSION]);

/** True when a host built with this SDK speaks the contract version `apiVersion`. */
export function isSupportedApiVersion(apiVersion: unknown): apiVersion is number {
  return typeof apiVersion === 'number' && Number.isInteger(apiVersion) && SUPPORTED_API_VERSIONS.includes(apiVersion);
}
