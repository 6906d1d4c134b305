// The hub's own measure library, under the policy's six themes. Codes and wording are the product's
// own (the National TOMs are licensed no-derivatives and are not copied). Administrators maintain the
// library as data (the Measures list); this file is the default it is provisioned from.
import type { Pence } from './money';
import { formatPounds } from './money';
import type { ThemeId } from './themes';
import type { ContractType } from './contract';
import { isContractType } from './contract';
import type { FieldError } from './errors';
import { PolicyInputError } from './errors';
import { THEMES, isThemeId, themeForMeasureCode } from './themes';
import type { Tier } from './tier';

export type MeasureUnit = 'FTE' | 'weeks' | 'hours' | '£ spend' | 'tonnes CO2e' | 'count' | '%';

export const MEASURE_UNITS: readonly MeasureUnit[] = ['FTE', 'weeks', 'hours', '£ spend', 'tonnes CO2e', 'count', '%'];

/** How many decimal places a quantity in this unit may have. */
export function quantityDecimals(unit: MeasureUnit): number {
  return unit === 'count' ? 0 : unit === 'tonnes CO2e' ? 3 : 2;
}

export interface Measure {
  /** Unique, theme prefix + number, e.g. 'GSE-01'. */
  code: string;
  themeId: ThemeId;
  /** The outcome the measure evidences. */
  outcome: string;
  /** What is counted, in plain words. */
  text: string;
  unit: MeasureUnit;
  /** £ per unit in pence; undefined for a record-only measure (no £ value). */
  proxyPence?: Pence;
  /** Which proxy edition/year the figure comes from. */
  proxyEdition?: string;
  /** Where the figure comes from. */
  proxySource?: string;
  /** Counted and reported, but carries no £ value. */
  recordOnly: boolean;
  /** Inactive measures stay for history but are not offered for new procurements. */
  active: boolean;
}

export function isMeasureUnit(value: unknown): value is MeasureUnit {
  return MEASURE_UNITS.indexOf(value as MeasureUnit) >= 0;
}

/** One of a unit: "week", "hour", "tonne CO2e" ("1 week", "£16.93 per hour", "£245 per tonne CO2e"); FTE is both. */
export function unitSingular(unit: MeasureUnit): string {
  return unit === 'weeks' || unit === 'hours' || unit === 'tonnes CO2e' ? unit.replace(/s\b/, '') : unit;
}

// Quantities are kept to thousandths of a unit (rollups.ts), so up to 3 decimal places show.
const QUANTITY_NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

/**
 * A quantity in its unit as people read it, the same on every screen, card and KPI: "12" for a count, "40%",
 * "£1,200" of spend, "1 week", "3.5 tonnes CO2e", "1,500 hours". A unit that is not one of ours (a hand-edited
 * list) reads after the number.
 */
export function formatQuantity(quantity: number, unit: MeasureUnit | string): string {
  if (!isMeasureUnit(unit)) return `${QUANTITY_NUMBER.format(quantity)} ${unit}`;
  if (unit === '£ spend') return formatPounds(Math.round(quantity * 100));
  return numberInUnit(QUANTITY_NUMBER.format(quantity), unit, quantity === 1);
}

/** A number its caller has written (rollups write thousandths exactly) in a unit other than money: the rule above. */
export function numberInUnit(number: string, unit: Exclude<MeasureUnit, '£ spend'>, one: boolean): string {
  if (unit === 'count') return number;
  if (unit === '%') return `${number}%`;
  return `${number} ${one ? unitSingular(unit) : unit}`;
}

/** A £ proxy with where it comes from. Proxies drift between editions, so each carries its year. */
export interface Proxy {
  id: string;
  label: string;
  pence: Pence;
  unit: MeasureUnit;
  edition: string;
  source: string;
}

const PRACTICE = 'public proxy seen in UK council social value guidance (reference: social-value-practice.md)';

/**
 * The default proxies. Only figures with a public source are given a £ value; every other measure ships
 * record-only until an administrator sets a proxy (e.g. from a licensed measure library).
 */
export const DEFAULT_PROXIES: { readonly [id: string]: Proxy } = {
  volunteeringHour: {
    id: 'volunteeringHour', label: 'Staff volunteering, per hour', pence: 1693, unit: 'hours', edition: 'SVH 2026',
    source: `Staff volunteering £16.93 per hour: ${PRACTICE}.`,
  },
  expertHelpHour: {
    id: 'expertHelpHour', label: 'Expert advice to VCSEs and SMEs, per hour', pence: 10100, unit: 'hours', edition: 'SVH 2026',
    source: `Expert advice to VCSEs/SMEs £101 per hour: ${PRACTICE}.`,
  },
  donatedPound: {
    id: 'donatedPound', label: 'Equipment and resources donated, per £1', pence: 100, unit: '£ spend', edition: 'SVH 2026',
    source: `Equipment donated £1 per £1 of value: ${PRACTICE}.`,
  },
  carbonTonne: {
    id: 'carbonTonne', label: 'Carbon saved, per tonne CO2e', pence: 24500, unit: 'tonnes CO2e', edition: '2022',
    source: `Carbon about £245 per tonne CO2e (2022; it was £64.66 in 2017, so carbon proxies drift between editions): ${PRACTICE}.`,
  },
};

function valued(
  code: string, themeId: ThemeId, outcome: string, text: string, proxy: Proxy,
): Measure {
  return { code, themeId, outcome, text, unit: proxy.unit, proxyPence: proxy.pence, proxyEdition: proxy.edition, proxySource: proxy.source, recordOnly: false, active: true };
}

function recorded(code: string, themeId: ThemeId, outcome: string, text: string, unit: MeasureUnit): Measure {
  return { code, themeId, outcome, text, unit, recordOnly: true, active: true };
}

const P = DEFAULT_PROXIES;

/** The default measure library: the hub's own codes and wording, under the six themes. */
export const MEASURES: readonly Measure[] = [
  // Growth, Skills and Employment
  recorded('GSE-01', 'growth-skills-employment', 'More local people in work', 'Residents of the West Midlands employed on the contract, counted as FTE × years', 'FTE'),
  recorded('GSE-02', 'growth-skills-employment', 'People furthest from work get jobs', 'People who had been unemployed for 6 months or more, hired for the contract (first year only)', 'FTE'),
  recorded('GSE-03', 'growth-skills-employment', 'Young people start their working lives', 'Young people aged 16–24 who were not in education, employment or training, hired for the contract (first year only)', 'FTE'),
  recorded('GSE-04', 'growth-skills-employment', 'Disabled people in good work', 'Disabled people hired for the contract (first year only)', 'FTE'),
  recorded('GSE-05', 'growth-skills-employment', 'Care leavers in work', 'Care leavers hired for the contract (first year only)', 'FTE'),
  recorded('GSE-06', 'growth-skills-employment', 'A second chance after an offence', 'People with convictions or leaving prison, hired for the contract (first year only)', 'FTE'),
  recorded('GSE-07', 'growth-skills-employment', 'Skills through apprenticeships', 'Weeks of apprenticeship delivered on the contract', 'weeks'),
  recorded('GSE-08', 'growth-skills-employment', 'New apprenticeships', 'Apprenticeships started on the contract', 'count'),
  recorded('GSE-09', 'growth-skills-employment', 'Experience of work', 'Weeks of work placement or work experience offered to local people aged 16 and over', 'weeks'),
  recorded('GSE-10', 'growth-skills-employment', 'A better-skilled workforce', 'Hours of accredited training for people working on the contract', 'hours'),
  recorded('GSE-11', 'growth-skills-employment', 'Young people see their options', 'Hours of careers talks, mentoring or mock interviews in local schools and colleges', 'hours'),
  recorded('GSE-12', 'growth-skills-employment', 'Fair pay', 'Share of the contract workforce paid at least the Real Living Wage', '%'),
  // Promoting Local Businesses
  recorded('PLB-01', 'local-businesses', 'Money stays in the region', 'Spend on the contract with suppliers based in the West Midlands', '£ spend'),
  recorded('PLB-02', 'local-businesses', 'Small businesses grow', 'Spend on the contract with small and medium-sized enterprises', '£ spend'),
  recorded('PLB-03', 'local-businesses', 'The social economy grows', 'Spend on the contract with voluntary, community and social enterprises', '£ spend'),
  valued('PLB-04', 'local-businesses', 'Local businesses can compete', 'Hours of expert help given free to local SMEs (e.g. bid writing, finance, digital)', P.expertHelpHour),
  recorded('PLB-05', 'local-businesses', 'Open supply chains', 'Subcontract opportunities advertised openly to local suppliers', 'count'),
  recorded('PLB-06', 'local-businesses', 'Prompt payment', 'Share of supply-chain invoices paid within 30 days', '%'),
  // Creating Healthier, Stronger Communities
  valued('HSC-01', 'healthier-stronger-communities', 'Stronger communities', 'Hours staff spent volunteering with local community groups in working time', P.volunteeringHour),
  valued('HSC-02', 'healthier-stronger-communities', 'A resilient voluntary sector', 'Hours of expert help given free to local VCSEs (e.g. governance, HR, legal, finance)', P.expertHelpHour),
  valued('HSC-03', 'healthier-stronger-communities', 'Community groups are equipped', 'Value of equipment, materials or premises use donated to local VCSEs', P.donatedPound),
  recorded('HSC-04', 'healthier-stronger-communities', 'Community projects funded', 'Money given to local community projects', '£ spend'),
  recorded('HSC-05', 'healthier-stronger-communities', 'A healthier workforce', 'Health and wellbeing programmes run for people working on the contract', 'count'),
  recorded('HSC-06', 'healthier-stronger-communities', 'Citizens are heard', 'Community engagement events held with residents affected by the contract', 'count'),
  // Protecting and Improving our Environment
  valued('ENV-01', 'environment', 'Lower carbon emissions', 'Tonnes of CO2e saved on the contract against the agreed baseline', P.carbonTonne),
  recorded('ENV-02', 'environment', 'Less waste to landfill', 'Share of the contract’s waste reused, recycled or recovered rather than landfilled', '%'),
  recorded('ENV-03', 'environment', 'Cleaner air', 'Share of vehicles used on the contract that are zero-emission', '%'),
  recorded('ENV-04', 'environment', 'Greener places', 'Trees planted or green spaces improved in the region', 'count'),
  valued('ENV-05', 'environment', 'Communities care for their places', 'Hours staff spent volunteering on local environmental projects', P.volunteeringHour),
  recorded('ENV-06', 'environment', 'Less single-use plastic', 'Single-use plastic items removed from the contract', 'count'),
  // Social Innovation
  recorded('INN-01', 'social-innovation', 'New ways to solve old problems', 'New approaches trialled on the contract to deliver better social outcomes', 'count'),
  valued('INN-02', 'social-innovation', 'Social enterprises innovate', 'Hours of expert help given free to social enterprises developing new solutions', P.expertHelpHour),
  recorded('INN-03', 'social-innovation', 'Best practice is shared', 'Case studies or lessons shared with the Social Value Taskforce', 'count'),
  recorded('INN-04', 'social-innovation', 'Investment in local ideas', 'Spend on research or innovation partnerships with West Midlands universities, colleges or VCSEs', '£ spend'),
  // Planning and Development
  valued('PAD-01', 'planning-development', 'Social value from the start', 'Hours of expert help to constituent and non-constituent authorities on social value in early project planning', P.expertHelpHour),
  recorded('PAD-02', 'planning-development', 'Communities shape projects', 'Consultation sessions with residents during project planning and design', 'count'),
  recorded('PAD-03', 'planning-development', 'Authorities supported', 'Local authorities supported to consider social value in project development', 'count'),
  recorded('PAD-04', 'planning-development', 'Social value designed in', 'Projects where social value outcomes were set at the design stage', 'count'),
];

export function measureByCode(code: string, library: readonly Measure[] = MEASURES): Measure | undefined {
  const wanted = String(code).trim().toUpperCase();
  return library.filter((m) => m.code === wanted)[0];
}

export function measuresForTheme(themeId: ThemeId, library: readonly Measure[] = MEASURES): Measure[] {
  return library.filter((m) => m.themeId === themeId && m.active);
}

/**
 * Suggested measures by contract type: what each kind of contract can most often deliver. Works and
 * services employ people on the contract; goods mostly shape the supply chain and the environment;
 * light-touch services (care, health, education) work closest to communities and the VCSE sector; a
 * concession runs a service for years with its own staff, so it starts from the services set.
 */
export const SUGGESTED_MEASURE_CODES: { readonly [C in ContractType]: readonly string[] } = {
  goods: ['PLB-01', 'PLB-02', 'PLB-03', 'GSE-09', 'HSC-03', 'ENV-01', 'ENV-02', 'ENV-06', 'INN-01'],
  services: ['GSE-01', 'GSE-02', 'GSE-07', 'GSE-10', 'GSE-12', 'PLB-01', 'PLB-02', 'HSC-01', 'HSC-02', 'ENV-01', 'INN-01'],
  works: ['GSE-01', 'GSE-02', 'GSE-03', 'GSE-07', 'GSE-08', 'GSE-09', 'GSE-11', 'PLB-01', 'PLB-02', 'PLB-04', 'HSC-01', 'ENV-01', 'ENV-02', 'PAD-02'],
  'light-touch-services': ['GSE-01', 'GSE-03', 'GSE-04', 'GSE-05', 'GSE-12', 'PLB-03', 'HSC-01', 'HSC-02', 'HSC-05', 'INN-02'],
  concession: ['GSE-01', 'GSE-02', 'GSE-07', 'GSE-10', 'GSE-12', 'PLB-01', 'PLB-02', 'HSC-01', 'HSC-02', 'ENV-01', 'INN-01'],
};

/** Under £50,000: a few simple measures a small supplier can report without burden. */
export const LIGHT_MEASURE_CODES: readonly string[] = ['PLB-01', 'GSE-09', 'GSE-11', 'HSC-01', 'ENV-02'];

/** The measures to offer first: the light set at light touch, otherwise the set for the contract type. Inactive ones are left out. */
export function suggestedMeasures(contractType: ContractType, tier: Tier, library: readonly Measure[] = MEASURES): Measure[] {
  if (!isContractType(contractType)) throw new PolicyInputError(`Unknown contract type "${String(contractType)}".`);
  const codes = tier === 'light-touch' ? LIGHT_MEASURE_CODES : SUGGESTED_MEASURE_CODES[contractType];
  const out: Measure[] = [];
  for (const code of codes) {
    const m = measureByCode(code, library);
    if (m && m.active) out.push(m);
  }
  return out;
}

const MEASURE_CODE = /^(GSE|PLB|HSC|ENV|INN|PAD)-\d{2,3}$/;

/** Problems with one measure, for the administrator's library editor. */
export function validateMeasure(m: Partial<Measure>): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof m.code !== 'string' || !MEASURE_CODE.test(m.code)) {
    errors.push({ field: 'code', message: 'The measure code must be a theme prefix (GSE, PLB, HSC, ENV, INN or PAD), a hyphen and a number, e.g. GSE-01.' });
  }
  if (!isThemeId(m.themeId)) {
    errors.push({ field: 'themeId', message: `Choose the theme: ${THEMES.map((t) => t.label).join('; ')}.` });
  } else if (typeof m.code === 'string' && MEASURE_CODE.test(m.code)) {
    const theme = themeForMeasureCode(m.code);
    if (theme && theme.id !== m.themeId) {
      errors.push({ field: 'code', message: `The code ${m.code} belongs to "${theme.label}"; use the prefix of the measure's theme.` });
    }
  }
  if (typeof m.outcome !== 'string' || m.outcome.trim() === '') errors.push({ field: 'outcome', message: 'Describe the outcome the measure evidences.' });
  if (typeof m.text !== 'string' || m.text.trim() === '') errors.push({ field: 'text', message: 'Describe what is counted.' });
  if (!isMeasureUnit(m.unit)) errors.push({ field: 'unit', message: `Choose the unit: ${MEASURE_UNITS.join(', ')}.` });
  if (m.recordOnly) {
    if (m.proxyPence !== undefined && m.proxyPence !== null) {
      errors.push({ field: 'proxyPence', message: 'A record-only measure has no £ proxy: clear the proxy or untick record-only.' });
    }
  } else {
    if (typeof m.proxyPence !== 'number' || !Number.isSafeInteger(m.proxyPence) || m.proxyPence <= 0) {
      errors.push({ field: 'proxyPence', message: 'Enter the £ proxy per unit (in pounds and pence), or mark the measure record-only.' });
    }
    if (typeof m.proxyEdition !== 'string' || m.proxyEdition.trim() === '') {
      errors.push({ field: 'proxyEdition', message: 'Say which edition or year the proxy comes from: proxies change between editions.' });
    }
    if (typeof m.proxySource !== 'string' || m.proxySource.trim() === '') {
      errors.push({ field: 'proxySource', message: 'Say where the proxy figure comes from.' });
    }
  }
  if (typeof m.active !== 'boolean') errors.push({ field: 'active', message: 'Say whether the measure is offered for new procurements.' });
  return errors;
}

/** Checks a whole library (e.g. an imported workbook): every measure sound, every code unique. Returns it frozen. */
export function buildMeasureLibrary(measures: readonly Partial<Measure>[]): readonly Measure[] {
  const problems: string[] = [];
  const seen: { [code: string]: boolean } = {};
  measures.forEach((m, i) => {
    const name = typeof m.code === 'string' && m.code ? m.code : `row ${i + 1}`;
    for (const e of validateMeasure(m)) problems.push(`Measure ${name}, ${e.field}: ${e.message}`);
    if (typeof m.code === 'string') {
      if (seen[m.code]) problems.push(`Measure ${m.code} appears more than once; codes must be unique.`);
      seen[m.code] = true;
    }
  });
  if (problems.length > 0) throw new PolicyInputError(`The measure library has ${problems.length} problem(s).`, problems);
  return Object.freeze(measures.map((m) => Object.freeze({ ...(m as Measure) })));
}
