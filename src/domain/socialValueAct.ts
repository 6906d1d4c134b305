// The Public Services (Social Value) Act 2012, section 1 (https://www.legislation.gov.uk/ukpga/2012/3/section/1),
// as amended by the Procurement Act 2023: before starting the process of procurement of a public services contract,
// a relevant authority must consider how what is proposed to be procured might improve the economic, social and
// environmental well-being of the relevant area, how in conducting the procurement it might act with a view to
// securing that improvement (subsection (3)), and whether to consult (subsection (7)). The process starts at the
// first of publishing a tender notice, advertising, or contacting a supplier for an offer (subsection (2)).
//
// The policy (section 6.0) puts it as "Statutory requirements of the Social Value Act 2012 only apply to Public
// Service Contracts above EU thresholds": a services contract (light-touch services included) at or above the
// procurement threshold. Goods and works are outside it; a concession is not treated as one here.
import type { ContractType } from './contract';
import type { TierDecision } from './tier';

/** True when section 1 of the 2012 Act applies: services at or above the threshold. */
export function socialValueActApplies(contractType: ContractType, tier: Pick<TierDecision, 'estimatedValuePence' | 'thresholdPence'>): boolean {
  const services = contractType === 'services' || contractType === 'light-touch-services';
  return services && tier.estimatedValuePence >= tier.thresholdPence;
}

/** What the officer is told, and confirms, where the 2012 Act applies. */
export const SOCIAL_VALUE_ACT_DUTY =
  'The Public Services (Social Value) Act 2012 applies: before the procurement starts (before any tender notice, ' +
  'advert or approach to a supplier) the authority must consider how what it buys might improve the economic, social ' +
  'and environmental well-being of the area, how the procurement itself might secure that improvement, and whether to consult.';
