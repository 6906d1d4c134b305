// The fixed wording of the tender pack, in one place. The policy promises suppliers "a consistent approach
// to the tendering process (including procurement questions, evaluation guidance and methods for ongoing
// performance management)": so every procurement of a tier gets these words exactly, and only its facts
// (title, reference, value, weighting, criteria, measures) change. Change the wording here, for everyone,
// or not at all. Plain English, British spelling; figures come from the policy edition, never typed in.
//
// Sentences that carry a fact are functions of that fact only, so their wording stays fixed too. Rules the hub
// also enforces (when returns are due, when the action plan must exist) are read from src/domain, never restated.
import { ACTION_PLAN_DUE, DEFAULT_RETURN_DAYS_AFTER_PERIOD } from '../../domain';

/** The document titles. */
export const TITLES = {
  tenderSection: 'Social value tender section',
  quotationChecklist: 'Social value quotation checklist',
} as const;

/** Section headings of the tender section (tiers from £50,000). */
export const HEADINGS = {
  about: 'About this procurement',
  policy: 'Social value in this procurement',
  questions: 'Questions to bidders',
  evaluation: 'How your answers are evaluated',
  scoringScale: 'Scoring scale',
  passFailCriteria: 'Essential criteria',
  measures: 'Measures you may commit to',
  reporting: 'Reporting social value during the contract',
  countingRules: 'How delivery is counted',
  quotationMeasures: 'Social value you could offer',
} as const;

/** Row labels of the "About this procurement" table. */
export const FACT_LABELS = {
  title: 'Procurement',
  reference: 'Reference',
  authority: 'Contracting authority',
  contractType: 'Contract type',
  value: 'Estimated whole-life value (including VAT)',
  duration: 'Contract duration',
  themes: 'Social value themes',
  policy: 'Social value policy',
} as const;

export const FACT_TABLE = {
  caption: 'Key facts about this procurement',
  columns: ['Item', 'Detail'] as readonly string[],
} as const;

export function durationText(months: number): string {
  return months === 1 ? '1 month' : `${String(months)} months`;
}

/** What the WMCA policy asks at each tier, told to bidders (the tier's own words stay in src/domain). */
export const POLICY_INTRO = {
  common:
    'The West Midlands Combined Authority’s Social Value Policy asks everyone who supplies the authority to help improve the ' +
    'economic, social and environmental well-being of the West Midlands, as the Public Services (Social Value) Act 2012 intends. ' +
    'Every bidder is asked the same questions, evaluated in the same way and reports in the same way, so that social value is ' +
    'measured, recorded and celebrated consistently across the region.',
  'toms-considered':
    'This procurement is valued from the policy’s light-touch limit up to the UK procurement threshold. The policy asks for ' +
    'Themes, Outcomes and Measures (TOMs) to be considered in the specification and tender documents and applied where practical: ' +
    'tell us what you can practically deliver on this contract, in proportion to its size.',
  'toms-included':
    'This procurement is valued at or above the UK procurement threshold. The policy asks for Themes, Outcomes and Measures (TOMs) ' +
    'to be included in the tender, for the evaluation scores and weightings to be clearly set out, and for an action plan to be ' +
    'put in place for the contract period.',
  themes: 'The authority has chosen the themes below as the ones that matter most for this contract. You may commit to measures under any theme.',
} as const;

/** The questions to bidders, numbered SV1, SV2… the same for every procurement of a tier. */
export const QUESTIONS = {
  'toms-considered': [
    {
      lead: 'SV1 Commitments.',
      text:
        'Which measures from the tables below will you commit to deliver on this contract, and what quantity of each? ' +
        'Give a target for each measure in its unit and say by when you will deliver it. Only commit to what you can deliver ' +
        'and evidence: your commitments become part of the contract. (Up to 500 words plus your list of measures.)',
    },
    {
      lead: 'SV2 Delivery.',
      text:
        'How will you deliver and evidence these commitments, proportionate to the size of this contract? Say who in your ' +
        'organisation is responsible and how you will work with local organisations to deliver them. (Up to 500 words.)',
    },
  ],
  'toms-included': [
    {
      lead: 'SV1 Commitments.',
      text:
        'Which measures from the tables below will you commit to deliver on this contract, and what quantity of each? ' +
        'Give a target for each measure in its unit and say by when you will deliver it. Commitments must be specific, ' +
        'measurable and time-bound: your commitments become part of the contract. (Up to 750 words plus your list of measures.)',
    },
    {
      lead: 'SV2 Delivery and action plan.',
      text:
        'How will you deliver these commitments? Describe the actions you will take, who will own them, when they will happen, ' +
        'how you will work with local businesses, voluntary, community and social enterprises and the authority, and how you will ' +
        'collect evidence. This becomes the first draft of the contract’s social value action plan. (Up to 750 words.)',
    },
    {
      lead: 'SV3 Track record.',
      text:
        'Give one example of social value you have delivered on a similar contract: what you committed to, what you delivered ' +
        'and how it was evidenced. Do not include names or other details that identify any person. (Up to 300 words.)',
    },
  ],
} as const;

/** Evaluation when social value is weighted: the sentences around the procurement's percentage. */
export const WEIGHTED = {
  statement: (percent: string): string => `Social value is weighted at ${percent} of the total score.`,
  remainder: (percent: string): string =>
    `The other evaluation criteria set out in these tender documents make up the remaining ${percent}.`,
  method:
    'Each social value question is marked out of 5 using the scoring scale below, by a panel that includes the authority’s social ' +
    'value lead. The marks for the questions are averaged, and the average mark out of 5 gives the same share of the social value ' +
    'weighting.',
  example: (mark: number, percent: string, result: string): string =>
    `For example, an average mark of ${String(mark)} out of 5 scores ${String(mark)} ÷ 5 × ${percent} = ${result} of the total score.`,
} as const;

/** The scoring scale for weighted social value: the same for every weighted procurement. */
export const SCORING_SCALE = {
  caption: 'Scoring scale for social value answers',
  columns: ['Mark', 'Meaning', 'What the answer shows'] as readonly string[],
  rows: [
    ['5', 'Excellent', 'Specific, measurable and time-bound commitments that are ambitious for the size of the contract, with a clear and credible plan to deliver and evidence them.'],
    ['4', 'Good', 'Specific and measurable commitments with a credible plan to deliver and evidence them; minor gaps only.'],
    ['3', 'Satisfactory', 'Relevant commitments with a plan to deliver them, but some targets, dates or evidence are unclear.'],
    ['2', 'Weak', 'Commitments are vague or hard to measure, or the plan to deliver them is not convincing.'],
    ['1', 'Poor', 'Little that is relevant to this contract, or commitments that cannot be measured or evidenced.'],
    ['0', 'No answer', 'No answer, or an answer that does not address the question.'],
  ] as readonly (readonly string[])[],
} as const;

/** Evaluation when social value is PASS/FAIL: the sentences around the procurement's essential criteria. */
export const PASS_FAIL = {
  statement:
    'Social value is evaluated PASS/FAIL. Elements of social value are essential to delivering this contract, so they are key ' +
    'deliverables of the specification rather than scored.',
  rule:
    'Your answer to each question must show how you will meet every essential criterion below. A bid that does not meet any one ' +
    'of them fails and is not evaluated further. A bid that meets all of them passes.',
  measures:
    'Commitments to the measures below are not scored, but the commitments you make become part of the contract and are reported ' +
    'as set out in the reporting section.',
  criteriaCaption: 'Essential social value criteria (each is PASS or FAIL)',
  criteriaColumns: ['Criterion', 'What a bid must meet', 'Result'] as readonly string[],
  criterionId: (n: number): string => `EC${String(n)}`,
  result: 'PASS or FAIL',
} as const;

/** Evaluation when TOMs were considered but social value is not scored (allowed below the threshold only). */
export const NOT_SCORED = {
  statement:
    'Social value is not scored in the evaluation of this procurement. Please still answer the questions: the commitments you ' +
    'make become part of the contract and are reported as set out in the reporting section.',
} as const;

/** The measures tables: how proxies and record-only measures work, the same for every pack. */
export const MEASURES_TEXT = {
  intro:
    'These are the measures the authority will use to record social value on this contract. Each has a code, what is counted, ' +
    'the unit it is counted in and, where there is one, a proxy value: an estimate in pounds of the value to the community of one ' +
    'unit. The social value of a commitment is its quantity multiplied by its proxy value.',
  proxies:
    'Proxy values change between editions, so each shows the edition it comes from. The proxy values in force when the contract ' +
    'is awarded are fixed for the life of the contract.',
  recordOnly:
    'Measures marked “Record only” are counted and reported but carry no £ value.',
  none:
    'The authority has not listed measures for this procurement. Propose your own commitments under the themes above, each with ' +
    'what is counted, a unit, a target quantity and a date.',
  caption: (themeLabel: string): string => `Measures under ${themeLabel}`,
  columns: ['Code', 'Measure', 'Unit', 'Proxy value per unit', 'Proxy edition and source'] as readonly string[],
  targetColumn: 'Authority’s target',
  recordOnlyCell: 'Record only (no £ value)',
  noEdition: 'Not applicable',
  editionUnknown: 'Not stated',
} as const;

/** The reporting duties during the contract: the authority's methods for ongoing performance management. */
export const REPORTING = {
  intro: 'If you win the contract, these duties apply to the social value commitments you make.',
  duties: [
    {
      lead: 'Quarterly returns.',
      text:
        `Within ${String(DEFAULT_RETURN_DAYS_AFTER_PERIOD)} calendar days of the end of each calendar quarter (31 March, 30 June, 30 September and 31 December), send the ` +
        'authority a social value return for this contract. It gives, for each measure you committed to, the quantity delivered ' +
        'in that quarter. The authority provides the return as a workbook.',
    },
    {
      lead: 'Evidence.',
      text:
        'For each figure, give a link to where you keep the evidence (for example timesheets, payroll summaries, invoices, ' +
        'certificates or waste transfer notes) and a short note of what it is. Keep the evidence for the life of the contract.',
    },
    {
      lead: 'Counts, not people.',
      text:
        'Report numbers only. Never send names, dates of birth, addresses or anything else that identifies a person. Some measures ' +
        '(for example jobs for people leaving prison, care leavers or disabled people) involve special category personal data under ' +
        'UK GDPR: that information stays with you, and any evidence you share must not identify anyone.',
    },
    {
      lead: 'Verification.',
      text:
        'The authority’s contract manager checks each figure against its evidence and marks it verified or rejected, with the reason. ' +
        'Only verified figures count as delivered. A rejected figure can be corrected and sent again in the next return.',
    },
    {
      lead: 'Performance management.',
      text:
        'Your social value commitments are contract commitments. At each contract management meeting each one is rated red, amber ' +
        'or green against its target and due date. Where delivery falls behind, you agree a recovery plan with the authority.',
    },
    {
      lead: 'Celebrating success.',
      text:
        'With your agreement, the authority may share verified successes with the West Midlands Social Value Taskforce and in case ' +
        'studies, without identifying any individual.',
    },
  ],
  actionPlan: {
    lead: 'Action plan.',
    text:
      `The authority puts the contract’s social value action plan in place ${ACTION_PLAN_DUE}. If you win the contract, at award ` +
      'your commitments are added to it: for each commitment, the actions you will take, who owns each action and when it is due, ' +
      'starting from your answer to SV2. The plan is reviewed at each contract management meeting and kept up to date for the life ' +
      'of the contract.',
  },
  countingRules: [
    'Jobs are counted as full-time equivalents (FTE) multiplied by years: for example, 10 full-time and 5 half-time posts for 2 years count as 25 FTE.',
    'A person hired from a disadvantaged group is counted in their first year of employment only.',
    'Nobody is counted twice, under the same measure or under two measures for the same thing.',
    'Only social value delivered through this contract, in the period reported, counts. Initiatives shared with other contracts are divided between them.',
  ],
} as const;

/** The one-page checklist under £50,000 (light touch): no scores, nothing a small supplier cannot easily answer. */
export const QUOTATION_CHECKLIST = {
  intro:
    'The West Midlands Combined Authority considers social value when it obtains quotations: the difference a supplier makes to ' +
    'the people, businesses and places of the West Midlands. For a purchase of this size we keep it simple. Please tick each line ' +
    'that applies and return this page with your quotation.',
  items: [
    'We are a small or medium-sized enterprise (SME).',
    'We are a voluntary, community or social enterprise (VCSE).',
    'We are based in the West Midlands, or will deliver this work with staff or subcontractors based there.',
    'We pay everyone working on this contract at least the Real Living Wage.',
    'We will offer social value from the measures below (write which, and how much, on your quotation).',
    'If asked, we will tell the authority what we delivered at the end of the contract, as numbers only.',
  ],
  measuresIntro:
    'Social value you could offer, with the proxy value the authority uses to estimate its worth to the community per unit:',
  noMeasures: 'Tell us on your quotation about any social value you could offer on this contract.',
  caption: 'Measures you could offer',
  columns: ['Code', 'Measure', 'Unit', 'Proxy value per unit'] as readonly string[],
  privacy:
    'Counts, not people: whatever you tell us, give numbers only and never names or other details that identify a person.',
} as const;

/** The policy line on the pack: which tier and edition the words were chosen under. */
/** The tier and the policy it was decided under: the region's, or an authority's own (its name given). */
export function policyLine(tierLabel: string, editionId: string, authorityName?: string): string {
  return `${tierLabel} (${authorityName ? `${authorityName}’s social value policy` : 'WMCA Social Value Policy'}, edition ${editionId})`;
}

/** The Word keywords property of every pack. */
export const KEYWORDS = 'social value; tender; WMCA; Social Value Hub';

/** The Word description property, by kind of pack. */
export const DESCRIPTIONS = {
  'tender-section': (reference: string): string => `Social value section of the tender documents for ${reference}.`,
  'quotation-checklist': (reference: string): string => `Social value quotation checklist for ${reference}.`,
} as const;

/** Who the Word file says created it. */
export const CREATOR = 'Social Value Hub';
