// Choice values as stored in the lists, all taken from src/domain (the domain owns the words).
// Stored values are the domain's stable ids; labels are shown through column formatting, so a reworded
// label never orphans stored items.
import {
  ACTION_PLAN_STATUSES,
  APPROVAL_OUTCOMES,
  AUTHORITIES,
  CONTRACT_PERFORMANCE_RATINGS,
  CONTRACT_TYPES,
  MEASURE_UNITS,
  PROCUREMENT_STATUSES,
  RAGS,
  REGIMES,
  THEMES,
  TIERS,
  VERIFICATION_DECISIONS,
  VERIFICATION_STATUSES,
  WEIGHTING_METHODS,
} from '../../domain';
import type {
  ContractPerformanceRating,
  ContractType,
  ProcurementStatus,
  Regime,
  ThemeId,
  Tier,
  WeightingMethod,
} from '../../domain';

export const STATUS_CHOICES: readonly ProcurementStatus[] = PROCUREMENT_STATUSES.map((s) => s.id);
export const TIER_CHOICES: readonly Tier[] = TIERS.map((t) => t.id);
export const THEME_CHOICES: readonly ThemeId[] = THEMES.map((t) => t.id);
export const AUTHORITY_CHOICES: readonly string[] = AUTHORITIES.map((a) => a.id);
export const CONTRACT_TYPE_CHOICES: readonly ContractType[] = CONTRACT_TYPES.map((c) => c.id);
export const REGIME_CHOICES: readonly Regime[] = REGIMES.map((r) => r.id);
export const KPI_RATING_CHOICES: readonly ContractPerformanceRating[] = CONTRACT_PERFORMANCE_RATINGS.map((r) => r.id);
export const WEIGHTING_METHOD_CHOICES: readonly WeightingMethod[] = WEIGHTING_METHODS.map((m) => m.id);
export { ACTION_PLAN_STATUSES, APPROVAL_OUTCOMES, MEASURE_UNITS, RAGS, VERIFICATION_DECISIONS, VERIFICATION_STATUSES };


/** Labels for column formatting, straight from the domain's tables. */
export const labelsOf = <T extends { id: string }>(rows: readonly T[], label: (row: T) => string): Record<string, string> =>
  rows.reduce<Record<string, string>>((acc, row) => ({ ...acc, [row.id]: label(row) }), {});

export const TIER_LABELS = labelsOf(TIERS, (t) => t.label) as Record<Tier, string>;
export const THEME_LABELS = labelsOf(THEMES, (t) => t.label) as Record<ThemeId, string>;
export const AUTHORITY_LABELS = labelsOf(AUTHORITIES, (a) => a.name);
export const CONTRACT_TYPE_LABELS = labelsOf(CONTRACT_TYPES, (c) => c.label);
export const REGIME_LABELS = labelsOf(REGIMES, (r) => r.label);
export const WEIGHTING_METHOD_LABELS = labelsOf(WEIGHTING_METHODS, (m) => m.label);

// The taskforce outbox is the data layer's own mechanism (not policy), so its words live with it.
export type TaskforcePostKind = 'success' | 'update';
export const TASKFORCE_POST_KINDS: readonly TaskforcePostKind[] = ['success', 'update'];
/** Pending → Posting (claimed by one sender) → Posted, or Failed (kept with its error, retried with back-off). */
export type TaskforcePostStatus = 'Pending' | 'Posting' | 'Posted' | 'Failed';
export const TASKFORCE_POST_STATUSES: readonly TaskforcePostStatus[] = ['Pending', 'Posting', 'Posted', 'Failed'];
