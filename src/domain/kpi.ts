// The key performance indicator duty of the Procurement Act 2023, section 52, exactly where it applies.
//
// Section 52(1) (https://www.legislation.gov.uk/ukpga/2023/54/section/52): before entering into a public contract
// with an estimated value of more than £5 million, a contracting authority must set at least three key
// performance indicators, unless it considers that the supplier's performance could not appropriately be assessed
// by reference to KPIs. Section 52(2) takes out frameworks, concession contracts, light touch contracts and
// utilities contracts awarded by a private utility (the hub's authorities are all public authorities, so the last
// never arises here). Section 52(3) has every KPI set published; section 71(2) has performance against them
// assessed and published at least once every 12 months. The stored copy of the statute's own page was not
// reachable from here; the exceptions are as the Cabinet Office guidance on contract performance notices and the
// law firms' summaries (Foot Anstey, Ward Hadaway, Bird & Bird) state them.
//
// A public contract is one at or above the threshold for its type (section 3), which determineTier finds; the
// Act governs procurements begun on or after its commencement on 24 February 2025. The estimated value counts
// VAT, as the thresholds do. The duty is about contract management: it never moves the social value weighting.
import type { ContractType, Regime } from './contract';
import { DEFAULT_REGIME } from './contract';
import type { IsoDate } from './dates';
import { compareIsoDates, formatLongDate } from './dates';
import { PolicyInputError } from './errors';
import type { Pence } from './money';
import { formatPounds } from './money';
import type { PolicyEdition } from './policyEdition';
import { CURRENT_POLICY_EDITION } from './policyEdition';
import { determineTierForPence } from './tier';

/** The Procurement Act 2023 came into force on 24 February 2025 (../shared/reference/thresholds.md). */
export const PROCUREMENT_ACT_COMMENCEMENT: IsoDate = '2025-02-24';

/** Section 52(1): "more than £5 million" (so exactly £5,000,000 is not covered), inclusive of VAT. */
export const KPI_DUTY_VALUE_PENCE: Pence = 500000000;

/** Section 52(1): "at least three key performance indicators". */
export const MIN_KPIS = 3;

export interface KpiDutyInput {
  estimatedValuePence: Pence;
  contractType: ContractType;
  regime?: Regime;
  decisionDate: IsoDate;
  /** The procurement awards a framework (section 52(2)). */
  framework?: boolean;
  /** Why the authority considers the supplier's performance could not appropriately be assessed by KPIs (section 52(1)). */
  kpisNotAppropriateReason?: string;
}

export interface KpiDuty {
  /** True when at least three KPIs must be set before the contract is entered into. */
  applies: boolean;
  /** 3 when the duty applies, otherwise 0. */
  minimumKpis: number;
  /** One sentence naming the figures and the provision that decides it. */
  reason: string;
}

function notApplying(reason: string): KpiDuty {
  return { applies: false, minimumKpis: 0, reason };
}

/**
 * Whether section 52 requires KPIs for this procurement, and why. Throws PolicyInputError for input that makes
 * no sense (unknown contract type or regime, a bad date), as determineTier does.
 */
export function kpiDuty(input: KpiDutyInput, edition: PolicyEdition = CURRENT_POLICY_EDITION): KpiDuty {
  if (!input || typeof input !== 'object') throw new PolicyInputError('The KPI duty needs the estimated value, contract type and decision date.');
  const tier = determineTierForPence(
    { estimatedValuePence: input.estimatedValuePence, contractType: input.contractType, regime: input.regime ?? DEFAULT_REGIME, decisionDate: input.decisionDate },
    edition,
  );
  const value = formatPounds(tier.estimatedValuePence);
  if (compareIsoDates(input.decisionDate, PROCUREMENT_ACT_COMMENCEMENT) < 0) {
    return notApplying(
      `Decided before the Procurement Act 2023 came into force on ${formatLongDate(PROCUREMENT_ACT_COMMENCEMENT)}, so the previous regulations govern it and section 52's KPI duty does not apply.`,
    );
  }
  if (tier.estimatedValuePence < tier.thresholdPence) {
    return notApplying(
      `${value} is under the ${formatPounds(tier.thresholdPence)} threshold, so this is not a public contract under the Procurement Act 2023 and section 52's KPI duty does not apply.`,
    );
  }
  if (tier.estimatedValuePence <= KPI_DUTY_VALUE_PENCE) {
    return notApplying(`${value} is not more than ${formatPounds(KPI_DUTY_VALUE_PENCE)}, so section 52's KPI duty does not apply.`);
  }
  if (input.contractType === 'concession') {
    return notApplying('Section 52 of the Procurement Act 2023 does not apply to a concession contract, so no KPIs are required by law.');
  }
  if (input.contractType === 'light-touch-services') {
    return notApplying('Section 52 of the Procurement Act 2023 does not apply to a light touch contract, so no KPIs are required by law.');
  }
  if (input.framework) {
    return notApplying('Section 52 of the Procurement Act 2023 does not apply to a framework, so no KPIs are required by law (contracts called off under it may need them).');
  }
  const why = typeof input.kpisNotAppropriateReason === 'string' ? input.kpisNotAppropriateReason.trim() : '';
  if (why !== '') {
    return notApplying(
      `The authority considers the supplier's performance could not appropriately be assessed by key performance indicators (${why}), so section 52 does not require them.`,
    );
  }
  return {
    applies: true,
    minimumKpis: MIN_KPIS,
    reason:
      `${value} is more than ${formatPounds(KPI_DUTY_VALUE_PENCE)} on a public contract, so before it is entered into at least ${MIN_KPIS} key performance indicators ` +
      'must be set and published, and performance against them assessed at least every 12 months (Procurement Act 2023 sections 52 and 71).',
  };
}
