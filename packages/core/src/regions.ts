/**
 * Azure region names. Microsoft's scripts give a region either way ('West US' in one,
 * 'westus' in another) and then show it back as given, so a region is validated case- and
 * space-insensitively against this list and kept in the user's spelling.
 */
import { DomainError } from './errors.js';

/** An Azure region: its short name ('westus') and its display name ('West US'). */
export interface AzureRegion {
  readonly name: string;
  readonly displayName: string;
}

// Public-cloud regions. Every display name, lower-cased without spaces, is its short name,
// which is what makes the spelling-insensitive comparison sound.
const DISPLAY_NAMES = [
  'East US', 'East US 2', 'South Central US', 'West US 2', 'West US 3', 'Australia East',
  'Southeast Asia', 'North Europe', 'Sweden Central', 'UK South', 'West Europe', 'Central US',
  'South Africa North', 'Central India', 'East Asia', 'Japan East', 'Korea Central',
  'Canada Central', 'France Central', 'Germany West Central', 'Italy North', 'Norway East',
  'Poland Central', 'Spain Central', 'Switzerland North', 'Mexico Central', 'UAE North',
  'Brazil South', 'Israel Central', 'Qatar Central', 'New Zealand North', 'North Central US',
  'West US', 'Japan West', 'West Central US', 'South Africa West', 'Australia Central',
  'Australia Central 2', 'Australia Southeast', 'Korea South', 'South India', 'West India',
  'Canada East', 'France South', 'Germany North', 'Norway West', 'Switzerland West', 'UK West',
  'UAE Central', 'Brazil Southeast', 'Jio India West', 'Jio India Central', 'Sweden South',
] as const;

/** The Azure regions a vault may be created in. */
export const AZURE_REGIONS: readonly AzureRegion[] = DISPLAY_NAMES.map((displayName) => ({
  name: regionKey(displayName),
  displayName,
}));

const BY_KEY: ReadonlyMap<string, AzureRegion> = new Map(AZURE_REGIONS.map((r) => [r.name, r]));

/** The region `text` names ('West US', 'westus', ' WESTUS '), or undefined. */
export function findRegion(text: string): AzureRegion | undefined {
  return BY_KEY.get(regionKey(text));
}

/** True when two spellings name the same region ('West US' and 'westus'). */
export function sameRegion(a: string, b: string): boolean {
  return regionKey(a) === regionKey(b);
}

/** Validates a region and returns it in the user's spelling, trimmed ('West US' stays 'West US'). */
export function normalizeRegion(text: string): string {
  const trimmed = text.trim();
  if (findRegion(trimmed) === undefined) {
    throw new DomainError({
      id: 'InvalidRegion',
      category: 'InvalidArgument',
      message: `'${text}' is not an Azure region.`,
      recommendedAction: `Give a region by its name or display name, for example 'westus' or 'West US'. Regions: ${AZURE_REGIONS.map((r) => r.name).join(', ')}.`,
      target: text,
    });
  }
  return trimmed;
}

function regionKey(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}
