// The local site's demo data: clearly fictional West Midlands suppliers, procurements at every tier and
// in every status, across several authorities. Deterministic (no clocks, no randomness). Counts, never
// people: outcome logs hold quantities; evidence links point at fictional supplier portals; the only
// named people are the fictional demo users of local/sharepoint/users.ts.
import type { ContractType, Kpi, ProcurementStatus, Regime, Supplier, ThemeId, WeightingDecision } from '../../src/domain';

export interface DemoSupplier extends Supplier {
  /** Used in evidence links. */
  slug: string;
}

export const SUPPLIERS: Record<string, DemoSupplier> = {
  tameValley: { slug: 'tame-valley', name: 'Tame Valley Facilities Ltd (fictional)', isSme: true, isVcse: false, isLocal: true, postcode: 'B77 2AA' },
  greenFleet: { slug: 'green-fleet', name: 'Black Country Green Fleet CIC (fictional)', isSme: true, isVcse: true, isLocal: true, postcode: 'DY4 7AA' },
  arden: { slug: 'arden-civil', name: 'Arden Civil Works plc (fictional)', isSme: false, isVcse: false, isLocal: true, postcode: 'CV3 4AA' },
  severn: { slug: 'severn-digital', name: 'Severn Digital Skills Ltd (fictional)', isSme: true, isVcse: false, isLocal: true, postcode: 'B1 1AA' },
  reaValley: { slug: 'rea-valley', name: 'Rea Valley Catering Co-operative (fictional)', isSme: true, isVcse: true, isLocal: true, postcode: 'B12 0AA' },
  hatherton: { slug: 'hatherton', name: 'Hatherton Telematics Ltd (fictional)', isSme: false, isVcse: false, isLocal: false, postcode: 'ST17 4AA' },
  meridian: { slug: 'meridian-events', name: 'Meridian Events Co (fictional)', isSme: true, isVcse: false, isLocal: true, postcode: 'CV11 4AA' },
};

export interface DemoCommitment {
  measureCode: string;
  targetQuantity: number;
}

export interface DemoAction {
  action: string;
  dueDate: string;
  status: 'Not started' | 'In progress' | 'Done';
}

export interface DemoProcurement {
  reference: string;
  title: string;
  authorityId: string;
  directorate: string;
  /** Alias of a demo user (local/sharepoint/users.ts). */
  lead: 'officer' | 'officer2' | 'officer3';
  contractType: ContractType;
  regime?: Regime;
  estimatedValuePounds: number;
  decisionDate: string;
  durationMonths: number;
  themeIds: ThemeId[];
  weighting: WeightingDecision;
  /** Where the procurement has got to; the seed walks it there through the lifecycle. */
  status: ProcurementStatus;
  rejectionComment?: string;
  supplier?: DemoSupplier;
  awardValuePounds?: number;
  contractStart?: string;
  contractEnd?: string;
  commitments?: DemoCommitment[];
  actions?: DemoAction[];
  /** Set at award where section 52 of the Procurement Act 2023 applies (over £5 million, decided under the Act). */
  kpis?: Kpi[];
}

const weighted = (percent: number, justification: string): WeightingDecision => ({ method: 'weighted', percent, justification });
const NONE: WeightingDecision = { method: 'none' };

export const PROCUREMENTS: DemoProcurement[] = [
  {
    reference: 'WMCA-2025-0101', title: 'Grounds maintenance at park-and-ride sites', authorityId: 'wmca', directorate: 'Transport for West Midlands', lead: 'officer',
    contractType: 'services', estimatedValuePounds: 420_000, decisionDate: '2025-03-10', durationMonths: 36,
    themeIds: ['growth-skills-employment', 'healthier-stronger-communities', 'environment'],
    weighting: weighted(10, 'A local labour-intensive service: jobs, apprenticeships and volunteering are realistic asks.'),
    status: 'In delivery', supplier: SUPPLIERS.tameValley, awardValuePounds: 398_500, contractStart: '2025-04-01', contractEnd: '2028-03-31',
    commitments: [{ measureCode: 'GSE-01', targetQuantity: 3 }, { measureCode: 'GSE-07', targetQuantity: 104 }, { measureCode: 'HSC-01', targetQuantity: 400 }, { measureCode: 'ENV-01', targetQuantity: 60 }],
    actions: [
      { action: 'Agree the social value delivery plan with the supplier', dueDate: '2025-05-31', status: 'Done' },
      { action: 'Quarterly commitments review with the contract manager', dueDate: '2026-09-30', status: 'In progress' },
      { action: 'Plan the apprentice recruitment day with local colleges', dueDate: '2026-06-30', status: 'Not started' },
    ],
  },
  {
    reference: 'BCC-2025-0214', title: 'Community transport minibus hire', authorityId: 'birmingham', directorate: 'Adult Social Care', lead: 'officer2',
    contractType: 'services', estimatedValuePounds: 180_000, decisionDate: '2025-05-02', durationMonths: 24,
    themeIds: ['healthier-stronger-communities', 'environment'],
    weighting: weighted(8, 'Social value considered: donated vehicle time and lower emissions fit the service.'),
    status: 'In delivery', supplier: SUPPLIERS.greenFleet, awardValuePounds: 176_000, contractStart: '2025-07-01', contractEnd: '2027-06-30',
    commitments: [{ measureCode: 'HSC-03', targetQuantity: 5_000 }, { measureCode: 'ENV-01', targetQuantity: 25 }],
  },
  {
    reference: 'CCC-2025-0330', title: 'Highway resurfacing framework, lot 2', authorityId: 'coventry', directorate: 'Highways', lead: 'officer3',
    contractType: 'works', estimatedValuePounds: 6_200_000, decisionDate: '2025-06-16', durationMonths: 48,
    themeIds: ['growth-skills-employment', 'local-businesses', 'environment'],
    weighting: weighted(15, 'Large works contract at the threshold: jobs, apprenticeships and local spend are core asks.'),
    status: 'In delivery', supplier: SUPPLIERS.arden, awardValuePounds: 5_940_000, contractStart: '2025-09-01', contractEnd: '2029-08-31',
    commitments: [
      { measureCode: 'GSE-01', targetQuantity: 12 }, { measureCode: 'GSE-08', targetQuantity: 6 }, { measureCode: 'PLB-01', targetQuantity: 1_500_000 },
      { measureCode: 'PLB-04', targetQuantity: 200 }, { measureCode: 'ENV-02', targetQuantity: 85 },
    ],
    kpis: [
      { name: 'GSE-01 local people in jobs', target: '12 FTE by 31 August 2029', measureCode: 'GSE-01' },
      { name: 'GSE-08 apprenticeship starts', target: '6 starts by 31 August 2029', measureCode: 'GSE-08' },
      { name: 'Resurfacing programme on schedule', target: 'Each year’s programme complete by 31 March' },
    ],
    actions: [
      { action: 'Name the supplier’s social value lead and agree reporting dates', dueDate: '2025-10-31', status: 'Done' },
      { action: 'Publish the local subcontracting opportunities', dueDate: '2026-03-31', status: 'Done' },
      { action: 'Review apprenticeship starts against the plan', dueDate: '2026-09-30', status: 'Not started' },
    ],
  },
  {
    reference: 'WMCA-2025-0142', title: 'Digital skills bootcamps for adults', authorityId: 'wmca', directorate: 'Employment and Skills', lead: 'officer',
    contractType: 'light-touch-services', estimatedValuePounds: 650_000, decisionDate: '2025-04-01', durationMonths: 12,
    themeIds: ['growth-skills-employment', 'social-innovation'],
    weighting: weighted(20, 'Employment outcomes are the point of the service.'),
    status: 'Closed', supplier: SUPPLIERS.severn, awardValuePounds: 640_000, contractStart: '2025-04-01', contractEnd: '2026-03-31',
    commitments: [{ measureCode: 'GSE-02', targetQuantity: 5 }, { measureCode: 'INN-02', targetQuantity: 120 }],
  },
  {
    reference: 'DMBC-2025-0057', title: 'School meals ingredients supply', authorityId: 'dudley', directorate: 'Children’s Services', lead: 'officer2',
    contractType: 'goods', estimatedValuePounds: 240_000, decisionDate: '2025-09-01', durationMonths: 24,
    themeIds: ['local-businesses', 'healthier-stronger-communities'],
    weighting: { method: 'pass-fail', essentialCriteria: ['At least 30% of spend with West Midlands producers', 'A named contact for community food projects'], justification: 'Local sourcing is essential to this contract.' },
    status: 'Awarded', supplier: SUPPLIERS.reaValley, awardValuePounds: 232_000, contractStart: '2026-09-01', contractEnd: '2028-08-31',
    commitments: [{ measureCode: 'PLB-01', targetQuantity: 60_000 }, { measureCode: 'HSC-01', targetQuantity: 100 }],
    actions: [{ action: 'Agree the delivery plan and first return date', dueDate: '2026-10-31', status: 'In progress' }],
  },
  {
    reference: 'WMCA-2025-0160', title: 'Fleet telematics', authorityId: 'wmca', directorate: 'Transport for West Midlands', lead: 'officer2',
    contractType: 'goods', estimatedValuePounds: 260_000, decisionDate: '2025-11-20', durationMonths: 24,
    themeIds: ['environment', 'growth-skills-employment'],
    weighting: weighted(10, 'Emissions data and work placements are realistic for this supplier market.'),
    status: 'In delivery', supplier: SUPPLIERS.hatherton, awardValuePounds: 255_000, contractStart: '2026-01-01', contractEnd: '2027-12-31',
    commitments: [{ measureCode: 'ENV-01', targetQuantity: 30 }, { measureCode: 'GSE-09', targetQuantity: 20 }],
    actions: [{ action: 'Agree the emissions baseline', dueDate: '2026-02-28', status: 'Done' }, { action: 'Arrange work placements with the college', dueDate: '2026-07-31', status: 'In progress' }],
  },
  {
    reference: 'NUN-2025-0077', title: 'Careers fair event management', authorityId: 'nuneaton-bedworth', directorate: 'Economic Development', lead: 'officer3',
    contractType: 'services', estimatedValuePounds: 28_000, decisionDate: '2025-06-01', durationMonths: 6,
    themeIds: ['local-businesses'], weighting: NONE,
    status: 'Closed', supplier: SUPPLIERS.meridian, awardValuePounds: 27_500, contractStart: '2025-07-01', contractEnd: '2025-12-31',
    commitments: [{ measureCode: 'PLB-01', targetQuantity: 8_000 }],
  },
  {
    reference: 'SMBC-2026-0011', title: 'Library self-service kiosks', authorityId: 'sandwell', directorate: 'Libraries', lead: 'officer3',
    contractType: 'goods', estimatedValuePounds: 95_000, decisionDate: '2026-01-20', durationMonths: 36,
    themeIds: ['local-businesses', 'social-innovation'], weighting: weighted(5, 'A small goods contract; light social value asks.'), status: 'Tendering',
  },
  {
    reference: 'WMCA-2026-0007', title: 'Tram stop cleaning', authorityId: 'wmca', directorate: 'Metro Operations', lead: 'officer',
    contractType: 'services', regime: 'utilities', estimatedValuePounds: 520_000, decisionDate: '2026-02-02', durationMonths: 36,
    themeIds: ['growth-skills-employment', 'environment'],
    weighting: { method: 'pass-fail', essentialCriteria: ['Pay at least the Real Living Wage on the contract', 'Zero-emission vehicles for all cleaning rounds'], justification: 'Fair work and clean air are essential on the network.' },
    status: 'Approved',
  },
  {
    reference: 'SOL-2026-0019', title: 'Parks tree survey', authorityId: 'solihull', directorate: 'Environment', lead: 'officer2',
    contractType: 'services', estimatedValuePounds: 38_000, decisionDate: '2026-02-15', durationMonths: 3,
    themeIds: ['environment'], weighting: NONE, status: 'Approved',
  },
  {
    reference: 'WAL-2026-0023', title: 'Youth employment mentoring', authorityId: 'walsall', directorate: 'Children’s Services', lead: 'officer3',
    contractType: 'light-touch-services', estimatedValuePounds: 150_000, decisionDate: '2026-03-03', durationMonths: 18,
    themeIds: ['growth-skills-employment', 'healthier-stronger-communities'], weighting: weighted(20, 'Youth employment is the service’s purpose.'), status: 'Awaiting approval',
  },
  {
    reference: 'WOL-2026-0031', title: 'Office furniture reuse and supply', authorityId: 'wolverhampton', directorate: 'Corporate Property', lead: 'officer',
    contractType: 'goods', estimatedValuePounds: 62_000, decisionDate: '2026-04-10', durationMonths: 24,
    themeIds: ['environment', 'healthier-stronger-communities'], weighting: weighted(10, 'Reuse and donated furniture suit this market.'), status: 'Awaiting approval',
  },
  {
    reference: 'WMCA-2026-0044', title: 'Bus shelter maintenance', authorityId: 'wmca', directorate: 'Transport for West Midlands', lead: 'officer2',
    contractType: 'services', estimatedValuePounds: 310_000, decisionDate: '2026-05-05', durationMonths: 48,
    themeIds: ['environment'], weighting: weighted(5, 'Lowest weighting to keep prices down.'), status: 'Rejected',
    rejectionComment: 'Above threshold: explain why local jobs and apprenticeships are not asked for, or weight them.',
  },
  {
    reference: 'BCC-2026-0102', title: 'Translation and interpreting services', authorityId: 'birmingham', directorate: 'Customer Services', lead: 'officer3',
    contractType: 'light-touch-services', estimatedValuePounds: 45_000, decisionDate: '2026-06-01', durationMonths: 24,
    themeIds: ['healthier-stronger-communities'], weighting: NONE, status: 'Draft',
  },
  {
    reference: 'CCC-2026-0120', title: 'EV charge point installation', authorityId: 'coventry', directorate: 'Transport', lead: 'officer',
    contractType: 'works', estimatedValuePounds: 1_200_000, decisionDate: '2026-07-14', durationMonths: 18,
    themeIds: ['environment', 'growth-skills-employment'], weighting: weighted(10, 'Green skills and carbon savings are central to the scheme.'), status: 'Draft',
  },
  {
    reference: 'TAM-2026-0005', title: 'Leisure centre roof repairs', authorityId: 'tamworth', directorate: 'Leisure', lead: 'officer2',
    contractType: 'works', estimatedValuePounds: 85_000, decisionDate: '2026-08-01', durationMonths: 4,
    themeIds: ['local-businesses'], weighting: weighted(5, 'A short works job; local subcontracting is the realistic ask.'), status: 'Withdrawn',
  },
];

/** Quarter ends the demo reports on (the seed's fixed "today" is after the last). */
export const DEMO_AS_OF = '2026-10-31';

/** How each quarter's delivery compares with an even share of the target (deterministic variety). */
export const DELIVERY_PATTERN = [0.9, 1.1, 0.6, 1.3, 1.0, 0.4, 1.2, 0.8];

export const CASE_STUDIES = [
  {
    procurementReference: 'WMCA-2025-0101',
    themeId: 'growth-skills-employment' as ThemeId,
    title: 'Apprentices keep the park-and-ride sites green',
    story:
      'Tame Valley Facilities (a fictional supplier) took on two horticulture apprentices from local colleges in the first year of the ' +
      'grounds maintenance contract. Both completed their first year on site, and the supplier has kept the apprenticeship weeks on ' +
      'track every quarter. The counts come from the supplier’s quarterly return; no personal details are held by the hub.',
    quote: 'The apprentices now run the spring planting rounds themselves. — a site supervisor at the supplier',
    published: true,
  },
  {
    procurementReference: 'CCC-2025-0330',
    themeId: 'environment' as ThemeId,
    title: 'Resurfacing that keeps waste out of landfill',
    story:
      'On the highway resurfacing framework, planings are reused in the base layers of new roads. The share of waste diverted from ' +
      'landfill is reported each quarter and checked against the weighbridge tickets the supplier keeps.',
    published: false,
  },
];
