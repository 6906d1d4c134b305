// The bad input corpus: hostile or broken values, one per named case, each with what must happen to it —
// refused with a message that names the field, or stored exactly as typed. tests/security/badInputCorpus.test.ts
// runs every case through the domain's validators, the repository over HTTP and the card builder;
// tests/ui/badInputCorpus.test.tsx renders the stored text. Plain data: no server, no DOM.
import { OFFICER, action, commitment, outcome, procurement } from './records';

/** The field is left out of the record altogether. */
export const MISSING: unique symbol = Symbol('missing');

export type Entity =
  /** A procurement saved as a bundle (with a commitment and an action), checked by validateProcurementBasics. */
  | 'procurement'
  /** A procurement carrying award details, checked by validateAward as well. */
  | 'award'
  /** The second commitment of a bundle, checked by validateCommitment. */
  | 'commitment'
  /** The action of a bundle's action plan, checked by validateActionPlanItem. */
  | 'action'
  /** An outcome log recorded on its own, checked by validateOutcomeLog. */
  | 'outcome'
  /** A case study (the domain has no rule about stories: the list's columns decide). */
  | 'caseStudy'
  /** Money as a person types it: text read by parsePounds, or a number of pounds read by poundsToPence. */
  | 'money';

export interface BadInputCase {
  /** Unique and readable: "procurement.title: a script tag". */
  name: string;
  entity: Entity;
  /** The domain field, as a path: 'title', 'leadOfficer.email', 'supplier.name', 'measureTargets'. */
  field: string;
  value: unknown;
  expect: 'rejected' | 'stored';
  /** Other fields set with it (e.g. the measure a quantity is counted in). */
  with?: Record<string, unknown>;
  /** Money only: the pence the typed amount must become. */
  pence?: number;
  /**
   * Set when the domain's form validators do not decide the case and the repository refuses it before
   * writing anything (the list's column rules, the lifecycle): says which.
   */
  refusedAtSave?: string;
}

const EMOJI = 'Great work 👨‍👩‍👧‍👦🏴󠁧󠁢󠁥󠁮󠁧󠁿🇬🇧 🎉';
const RTL = 'مرحبا بالعالم — שלום עולם';

/** Text a person might type (or paste) that a text column must hold exactly, and a screen must show as text. */
export const HOSTILE_TEXT: Readonly<Record<string, string>> = {
  'an apostrophe': "O'Neil & Sons",
  'an OData injection': "x' or 1 eq 1 or Title eq '",
  'OData operators': "Title eq 'a' and Status ne 'Draft' or substringof('x',Title)",
  'nothing but quotes': `''"'"''`,
  'double quotes and backslashes': 'The "best" \\ supplier \\"',
  'JSON breakers': '"}, {"Title": "x", "__proto__": {"a": 1}}',
  'HTML tags': '<b>bold</b> <i>italic</i> <a href="https://evil.example">click</a>',
  'a script tag': '<script>alert(1)</script>',
  'an img onerror': '<img src=x onerror=alert(1)>',
  'a markdown link': '[click me](https://evil.example/phish)',
  'a markdown image': '![pixel](https://evil.example/p.gif)',
  'a Teams mention': '<at id="0">Everyone</at>',
  emoji: EMOJI,
  'right-to-left text': RTL,
  'bidi overrides': 'Invoice \u202Egnp.exe\u202C ok',
  'SQL injection': "'; DROP TABLE Items; --",
  'CAML and CDATA': '<Where><Eq><FieldRef Name="ID"/><Value Type="Counter">1</Value></Eq></Where>]]>',
  'template syntax': '${process.exit()} {{7*7}} <%= 1 %>',
  'percent-encoding and entities': '100% %27 %00 &amp; &#60; #x',
  'leading and trailing spaces': '  spaced out  ',
};

/** A few of HOSTILE_TEXT, for fields where every one would add time but not coverage. */
const SOME_HOSTILE = ['an apostrophe', 'an OData injection', 'a script tag', 'a markdown link', 'emoji', 'right-to-left text'];

// Words each field's messages must contain, so a message names what is wrong in the officer's terms.
export const FIELD_WORDS: Readonly<Record<string, RegExp>> = {
  reference: /reference/i,
  title: /title/i,
  authorityId: /authority/i,
  directorate: /directorate/i,
  'leadOfficer.email': /lead officer/i,
  'leadOfficer.displayName': /lead officer/i,
  contractType: /contract type/i,
  regime: /regime/i,
  status: /draft|status/i,
  estimatedValuePence: /estimated (whole-life )?value/i,
  decisionDate: /decision date/i,
  durationMonths: /duration/i,
  themeIds: /theme/i,
  measureTargets: /measure|target/i,
  'weighting.method': /weighting/i,
  'weighting.percent': /weighting/i,
  'weighting.justification': /justification/i,
  'supplier.name': /supplier/i,
  'supplier.postcode': /postcode/i,
  awardValuePence: /award value/i,
  contractStart: /contract start/i,
  contractEnd: /contract end/i,
  measureCode: /measure/i,
  targetQuantity: /target/i,
  unit: /counted in|unit/i,
  proxyPenceLocked: /proxy/i,
  proxyEdition: /proxy edition/i,
  dueDate: /due date/i,
  action: /action/i,
  ownerEmail: /owner|owns/i,
  ownerName: /owner/i,
  procurementReference: /procurement reference/i,
  periodEnd: /period/i,
  quantity: /quantity/i,
  evidenceUrl: /evidence/i,
  evidenceNotes: /evidence notes/i,
  reportedBy: /reported/i,
  verification: /verification/i,
  verifiedBy: /checked|verif/i,
  rejectionReason: /rejected|rejection/i,
  valuePence: /value/i,
  proxyPence: /proxy/i,
  story: /story/i,
  quote: /quote/i,
  imageUrl: /image/i,
  themeId: /theme/i,
  published: /published/i,
  estimatedValue: /estimated value/i,
};

const cases: BadInputCase[] = [];

function stored(entity: Entity, field: string, label: string, value: unknown, extra: Partial<BadInputCase> = {}): void {
  cases.push({ name: `${entity}.${field}: ${label}`, entity, field, value, expect: 'stored', ...extra });
}

function rejected(entity: Entity, field: string, label: string, value: unknown, extra: Partial<BadInputCase> = {}): void {
  cases.push({ name: `${entity}.${field}: ${label}`, entity, field, value, expect: 'rejected', ...extra });
}

function hostileStored(entity: Entity, field: string, which: readonly string[] = Object.keys(HOSTILE_TEXT)): void {
  for (const label of which) stored(entity, field, label, HOSTILE_TEXT[label]);
}

const COLUMN = 'the list column’s limit, checked before anything is sent';

/** Required single-line text: blank, missing, too long, not text. */
function requiredTextRejected(entity: Entity, field: string, atSave: Partial<Record<'long' | 'number', string>> = {}): void {
  rejected(entity, field, 'empty', '');
  rejected(entity, field, 'only spaces', '   ');
  rejected(entity, field, 'missing', MISSING);
  rejected(entity, field, '256 characters', 'x'.repeat(256), atSave.long ? { refusedAtSave: atSave.long } : {});
  rejected(entity, field, '10,000 characters', 'x'.repeat(10000), atSave.long ? { refusedAtSave: atSave.long } : {});
  rejected(entity, field, 'a number instead of text', 42, atSave.number ? { refusedAtSave: atSave.number } : {});
}

/** Calendar dates that are not, or that SharePoint cannot hold. */
function badDates(entity: Entity, field: string, required = true): void {
  rejected(entity, field, 'the 30th of February', '2027-02-30');
  rejected(entity, field, 'month 13', '2026-13-01');
  rejected(entity, field, 'before 1900', '1899-12-31');
  rejected(entity, field, 'after 8900', '9999-12-31');
  rejected(entity, field, 'British order', '31/03/2027');
  rejected(entity, field, 'a date-time', '2027-03-31T00:00:00Z');
  rejected(entity, field, 'a word', 'next week');
  rejected(entity, field, 'an OData injection', "2027-03-31' or 1 eq 1");
  if (required) rejected(entity, field, 'missing', MISSING);
}

// ---- procurements -------------------------------------------------------------------------------

requiredTextRejected('procurement', 'title');
hostileStored('procurement', 'title');
stored('procurement', 'title', 'exactly 255 characters', 'T'.repeat(254) + '…');

requiredTextRejected('procurement', 'directorate');
hostileStored('procurement', 'directorate', SOME_HOSTILE);

rejected('procurement', 'reference', 'empty', '');
rejected('procurement', 'reference', 'missing', MISSING);
rejected('procurement', 'reference', 'an OData injection', "WMCA' or 1 eq 1");
rejected('procurement', 'reference', 'a script tag', '<script>alert(1)</script>');
rejected('procurement', 'reference', 'a space', 'WMCA 2026 0001');
rejected('procurement', 'reference', 'an emoji', 'WMCA-2026-🎉');
rejected('procurement', 'reference', '51 characters', 'R'.repeat(51));
rejected('procurement', 'reference', 'a path', '../../_api/web');

rejected('procurement', 'authorityId', 'an unknown authority', 'atlantis');
rejected('procurement', 'authorityId', 'the wrong case', 'WMCA');
rejected('procurement', 'authorityId', 'an OData injection', "wmca' or 1 eq 1");
rejected('procurement', 'authorityId', 'empty', '');
rejected('procurement', 'authorityId', 'missing', MISSING);
rejected('procurement', 'authorityId', 'a number', 7);

rejected('procurement', 'contractType', 'an unknown type', 'furniture');
rejected('procurement', 'contractType', 'the label instead of the id', 'Goods');
rejected('procurement', 'contractType', 'empty', '');
rejected('procurement', 'contractType', 'missing', MISSING);
rejected('procurement', 'regime', 'an unknown regime', 'eu');
rejected('procurement', 'regime', 'empty', '');

rejected('procurement', 'status', 'a status that does not exist', 'Shelved', { refusedAtSave: 'the lifecycle: a new procurement starts as a draft' });
rejected('procurement', 'status', 'starting as approved', 'Approved', { refusedAtSave: 'the lifecycle: a new procurement starts as a draft' });

rejected('procurement', 'estimatedValuePence', 'negative', -250000);
rejected('procurement', 'estimatedValuePence', 'minus one penny', -1);
rejected('procurement', 'estimatedValuePence', 'zero', 0);
rejected('procurement', 'estimatedValuePence', 'NaN', NaN);
rejected('procurement', 'estimatedValuePence', 'Infinity', Infinity);
rejected('procurement', 'estimatedValuePence', '-Infinity', -Infinity);
rejected('procurement', 'estimatedValuePence', 'half a penny', 12.5);
rejected('procurement', 'estimatedValuePence', 'a thousandth of a penny', 100.001);
rejected('procurement', 'estimatedValuePence', 'beyond exact integers', Number.MAX_SAFE_INTEGER + 2);
rejected('procurement', 'estimatedValuePence', '1e21', 1e21);
rejected('procurement', 'estimatedValuePence', 'text', '250000');
rejected('procurement', 'estimatedValuePence', 'missing', MISSING);
rejected('procurement', 'estimatedValuePence', 'true', true);
stored('procurement', 'estimatedValuePence', 'the largest exact amount', Number.MAX_SAFE_INTEGER);
stored('procurement', 'estimatedValuePence', 'one penny', 1);

badDates('procurement', 'decisionDate');
rejected('procurement', 'decisionDate', 'before the first threshold table', '2023-12-31');
rejected('procurement', 'decisionDate', 'a leap day that is not', '2026-02-29');
rejected('procurement', 'decisionDate', 'empty', '');
rejected('procurement', 'decisionDate', 'a number', 20260302);
stored('procurement', 'decisionDate', 'a real leap day', '2028-02-29');
stored('procurement', 'decisionDate', 'the last day SharePoint holds', '8900-12-31');

rejected('procurement', 'durationMonths', 'zero', 0);
rejected('procurement', 'durationMonths', 'negative', -1);
rejected('procurement', 'durationMonths', 'a fraction', 1.5);
rejected('procurement', 'durationMonths', 'over 50 years', 601);
rejected('procurement', 'durationMonths', 'NaN', NaN);
rejected('procurement', 'durationMonths', 'Infinity', Infinity);
rejected('procurement', 'durationMonths', 'text', '24');
rejected('procurement', 'durationMonths', 'missing', MISSING);

rejected('procurement', 'themeIds', 'an unknown theme', ['environment', 'space']);
rejected('procurement', 'themeIds', 'a theme twice', ['environment', 'environment']);
rejected('procurement', 'themeIds', 'text instead of a list', 'environment');
// No theme from £50,000 is a submission's problem, not a stored draft's (issue 12): validateThemeChoice and
// validateSubmission refuse it (tests/domain/validation.test.ts); a draft saved before the themes step is fine.
rejected('procurement', 'themeIds', 'an OData injection', ["environment' or 1 eq 1"]);
rejected('procurement', 'themeIds', 'a number', [3]);

rejected('procurement', 'leadOfficer.email', 'not an email address', 'priya.sandhu');
rejected('procurement', 'leadOfficer.email', 'empty', '');
rejected('procurement', 'leadOfficer.email', 'an OData injection', "x' or 1 eq 1@svhub.example");
rejected('procurement', 'leadOfficer.email', 'someone not on the site', 'nobody@elsewhere.example', { refusedAtSave: 'the site’s people: no such user' });
rejected('procurement', 'leadOfficer.displayName', 'empty', '');

rejected('procurement', 'measureTargets', 'an unknown measure', [{ measureCode: 'XXX-99', targetQuantity: 1 }]);
rejected('procurement', 'measureTargets', 'a measure code that breaks the line format', [{ measureCode: 'GSE-01 = 5\nGSE-02', targetQuantity: 1 }]);
rejected('procurement', 'measureTargets', 'a negative target', [{ measureCode: 'GSE-01', targetQuantity: -1 }]);
rejected('procurement', 'measureTargets', 'a NaN target', [{ measureCode: 'GSE-01', targetQuantity: NaN }]);
rejected('procurement', 'measureTargets', 'an infinite target', [{ measureCode: 'GSE-01', targetQuantity: Infinity }]);
rejected('procurement', 'measureTargets', 'a huge target', [{ measureCode: 'GSE-08', targetQuantity: 1e21 }]);
rejected('procurement', 'measureTargets', 'half a count', [{ measureCode: 'GSE-08', targetQuantity: 1.5 }]);
rejected('procurement', 'measureTargets', 'over 100%', [{ measureCode: 'GSE-12', targetQuantity: 101 }]);
rejected('procurement', 'measureTargets', 'three decimals of FTE', [{ measureCode: 'GSE-01', targetQuantity: 1.234 }]);
rejected('procurement', 'measureTargets', 'a target as text', [{ measureCode: 'GSE-01', targetQuantity: '4' }]);
stored('procurement', 'measureTargets', 'the largest target', [{ measureCode: 'GSE-08', targetQuantity: 1_000_000_000 }]);
stored('procurement', 'measureTargets', 'the finest tonnes', [{ measureCode: 'ENV-01', targetQuantity: 0.001 }]);

rejected('procurement', 'weighting.method', 'a method that does not exist', 'lots', { refusedAtSave: COLUMN });
rejected('procurement', 'weighting.percent', 'over 100', 150, { refusedAtSave: COLUMN });
rejected('procurement', 'weighting.percent', 'negative', -5, { refusedAtSave: COLUMN });
rejected('procurement', 'weighting.justification', '4,001 characters', 'j'.repeat(4001), { refusedAtSave: COLUMN });
hostileStored('procurement', 'weighting.justification', ['an OData injection', 'a script tag', 'a markdown image', 'emoji', 'right-to-left text']);
stored('procurement', 'weighting.justification', 'several paragraphs', 'First line\nSecond line\r\n\n\tIndented — with “quotes”');

// ---- award ----------------------------------------------------------------------------------------

requiredTextRejected('award', 'supplier.name');
hostileStored('award', 'supplier.name');
rejected('award', 'supplier.postcode', 'not a postcode', 'NOT A POSTCODE');
rejected('award', 'supplier.postcode', 'an apostrophe', "B1' 1BB");
rejected('award', 'supplier.postcode', 'HTML', '<b>B1</b>');
stored('award', 'supplier.postcode', 'a real one, lower case', 'b1 1bb');
rejected('award', 'awardValuePence', 'negative', -1);
rejected('award', 'awardValuePence', 'zero', 0);
rejected('award', 'awardValuePence', 'half a penny', 2400000.5);
rejected('award', 'awardValuePence', 'NaN', NaN);
rejected('award', 'awardValuePence', 'text', '24000000');
rejected('award', 'contractStart', 'the 30th of February', '2026-02-30');
rejected('award', 'contractStart', 'after 8900', '9999-04-01');
rejected('award', 'contractEnd', 'before the start', '2026-03-31');
rejected('award', 'contractEnd', 'before 1900', '1899-03-31');

// ---- commitments ----------------------------------------------------------------------------------

rejected('commitment', 'measureCode', 'an unknown measure', 'XXX-99');
rejected('commitment', 'measureCode', 'an OData injection', "GSE-07' or 1 eq 1");
rejected('commitment', 'measureCode', 'a script tag', '<script>alert(1)</script>');
rejected('commitment', 'measureCode', 'empty', '');
rejected('commitment', 'measureCode', 'missing', MISSING);
rejected('commitment', 'targetQuantity', 'negative', -1);
rejected('commitment', 'targetQuantity', 'zero', 0);
rejected('commitment', 'targetQuantity', 'NaN', NaN);
rejected('commitment', 'targetQuantity', 'Infinity', Infinity);
rejected('commitment', 'targetQuantity', 'over a billion', 1_000_000_001);
rejected('commitment', 'targetQuantity', 'three decimals of weeks', 1.234);
rejected('commitment', 'targetQuantity', 'text', '52');
rejected('commitment', 'targetQuantity', 'missing', MISSING);
rejected('commitment', 'unit', 'a unit that does not exist', 'parsecs');
rejected('commitment', 'unit', 'another measure’s unit', 'FTE');
const VALUED = { measureCode: 'ENV-01', unit: 'tonnes CO2e', targetQuantity: 120, proxyPenceLocked: 24_500, proxyEdition: '2022' };
rejected('commitment', 'proxyPenceLocked', 'negative', -24_500, { with: VALUED });
rejected('commitment', 'proxyPenceLocked', 'half a penny', 24_500.5, { with: VALUED });
rejected('commitment', 'proxyPenceLocked', 'NaN', NaN, { with: VALUED });
rejected('commitment', 'proxyPenceLocked', 'missing on a valued measure', MISSING, { with: VALUED });
rejected('commitment', 'proxyPenceLocked', 'a proxy on a record-only measure', 100);
stored('commitment', 'proxyEdition', 'an OData injection', "2022' or 1 eq 1", { with: VALUED });
stored('commitment', 'proxyEdition', 'a script tag', '<script>alert(1)</script>', { with: VALUED });
stored('commitment', 'proxyEdition', 'emoji', '2022 🎉', { with: VALUED });
stored('commitment', 'targetQuantity', 'a fraction of tonnes', 0.125, { with: VALUED });
stored('commitment', 'measureCode', 'lower case (the library matches it)', 'gse-07');
badDates('commitment', 'dueDate');
rejected('commitment', 'dueDate', 'before the start date', '2026-03-31', { with: { startDate: '2026-04-01' } });

// ---- action plan ----------------------------------------------------------------------------------

requiredTextRejected('action', 'action');
hostileStored('action', 'action');
rejected('action', 'ownerName', 'empty', '', { refusedAtSave: COLUMN });
rejected('action', 'ownerName', '10,000 characters', 'o'.repeat(10000), { refusedAtSave: COLUMN });
hostileStored('action', 'ownerName', SOME_HOSTILE);
rejected('action', 'ownerEmail', 'not an email address', 'priya');
rejected('action', 'ownerEmail', 'empty', '');
rejected('action', 'ownerEmail', 'an OData injection', "a@b.c' or 1 eq 1");
badDates('action', 'dueDate');
rejected('action', 'status', 'a status that does not exist', 'Finished');
rejected('action', 'status', 'an OData injection', "Done' or 1 eq 1");
rejected('action', 'status', 'empty', '');

// ---- outcome logs ---------------------------------------------------------------------------------

rejected('outcome', 'quantity', 'negative', -1);
rejected('outcome', 'quantity', 'NaN', NaN);
rejected('outcome', 'quantity', 'Infinity', Infinity);
rejected('outcome', 'quantity', '-Infinity', -Infinity);
rejected('outcome', 'quantity', 'text', '3');
rejected('outcome', 'quantity', 'missing', MISSING);
rejected('outcome', 'quantity', 'three decimals of FTE', 1.234);
rejected('outcome', 'quantity', 'half a count', 1.5, { with: { measureCode: 'GSE-08' } });
rejected('outcome', 'quantity', 'over 100%', 101, { with: { measureCode: 'GSE-12' } });
rejected('outcome', 'quantity', 'huge, on a valued measure', 1e300, { with: { measureCode: 'HSC-01', proxyPence: 1693 } });
rejected('outcome', 'quantity', 'over a billion', 1_000_000_001);
stored('outcome', 'quantity', 'a billion', 1_000_000_000);
stored('outcome', 'quantity', 'zero', 0);
rejected('outcome', 'valuePence', 'not quantity × proxy', 1, { with: { measureCode: 'HSC-01', proxyPence: 1693, quantity: 2 } });
rejected('outcome', 'valuePence', 'NaN', NaN, { with: { measureCode: 'HSC-01', proxyPence: 1693, quantity: 2 } });
rejected('outcome', 'proxyPence', 'half a penny', 1693.5, { with: { measureCode: 'HSC-01', quantity: 2, valuePence: 3387 } });
rejected('outcome', 'proxyPence', 'negative', -1693, { refusedAtSave: COLUMN, with: { measureCode: 'HSC-01', quantity: 2 } });
stored('outcome', 'valuePence', 'quantity × proxy, half a penny rounded up', 4233, { with: { measureCode: 'HSC-01', proxyPence: 1693, quantity: 2.5 } });
badDates('outcome', 'periodEnd');
rejected('outcome', 'periodEnd', 'not the end of a quarter', '2026-06-15');
rejected('outcome', 'periodEnd', 'empty', '');
stored('outcome', 'periodEnd', 'the last quarter SharePoint holds', '8900-12-31');
rejected('outcome', 'evidenceUrl', 'a javascript: link', 'javascript:alert(1)');
rejected('outcome', 'evidenceUrl', 'a data: link', 'data:text/html,<script>alert(1)</script>');
rejected('outcome', 'evidenceUrl', 'not a link', 'the shared drive');
rejected('outcome', 'evidenceUrl', 'a link with a space', 'https://evidence.svhub.example/a b');
rejected('outcome', 'evidenceUrl', 'an ftp link', 'ftp://evidence.svhub.example/returns');
rejected('outcome', 'evidenceUrl', '300 characters', `https://evidence.svhub.example/${'a'.repeat(270)}`, { refusedAtSave: COLUMN });
rejected('outcome', 'evidenceUrl', 'no evidence at all', MISSING, { with: { evidenceNotes: MISSING } });
stored('outcome', 'evidenceUrl', 'quotes and operators in the query', "https://evidence.svhub.example/q?x='%20or%201%20eq%201&y=\"z\"");
stored('outcome', 'evidenceUrl', 'a tag in the path', 'https://evidence.svhub.example/<script>alert(1)</script>');
hostileStored('outcome', 'evidenceNotes');
stored('outcome', 'evidenceNotes', 'exactly 2,000 characters', 'n'.repeat(1999) + '.');
stored('outcome', 'evidenceNotes', 'several lines', 'Payroll summary\nTimesheets\r\n\n\t— counts only');
rejected('outcome', 'evidenceNotes', '2,001 characters', 'n'.repeat(2001), { refusedAtSave: COLUMN });
rejected('outcome', 'evidenceNotes', '10,000 characters', 'n'.repeat(10000), { refusedAtSave: COLUMN });
rejected('outcome', 'evidenceNotes', 'a NUL character', 'before\u0000after', { refusedAtSave: 'characters SharePoint cannot store' });
rejected('outcome', 'evidenceNotes', 'half an emoji', 'broken \ud83c emoji', { refusedAtSave: 'characters SharePoint cannot store' });
requiredTextRejected('outcome', 'reportedBy', { long: COLUMN, number: COLUMN });
hostileStored('outcome', 'reportedBy', SOME_HOSTILE);
rejected('outcome', 'verification', 'a status that does not exist', 'Approved');
rejected('outcome', 'verification', 'an OData injection', "Reported' or 1 eq 1");
rejected('outcome', 'verification', 'empty', '');
rejected('outcome', 'verification', 'missing', MISSING);
rejected('outcome', 'verifiedBy', 'the reporter', 'PRIYA.SANDHU@svhub.example ', { with: { verification: 'Verified' } });
rejected('outcome', 'verifiedBy', 'missing', MISSING, { with: { verification: 'Verified' } });
rejected('outcome', 'rejectionReason', 'missing', MISSING, { with: { verification: 'Rejected', verifiedBy: 'tom.whitehouse@svhub.example' } });
rejected('outcome', 'rejectionReason', 'only spaces', '   ', { with: { verification: 'Rejected', verifiedBy: 'tom.whitehouse@svhub.example' } });
stored('outcome', 'rejectionReason', 'a script tag', '<script>alert(1)</script>', { with: { verification: 'Rejected', verifiedBy: 'tom.whitehouse@svhub.example' } });
rejected('outcome', 'measureCode', 'an unknown measure', 'XXX-99');
rejected('outcome', 'measureCode', 'an OData injection', "GSE-01' or 1 eq 1");
rejected('outcome', 'measureCode', 'empty', '');
rejected('outcome', 'procurementReference', 'empty', '');
rejected('outcome', 'procurementReference', '51 characters', 'R'.repeat(51));
stored('outcome', 'procurementReference', 'an OData injection', "BI' or 1 eq 1");
stored('outcome', 'procurementReference', 'emoji', 'BI-🎉-🇬🇧');

// ---- case studies ---------------------------------------------------------------------------------

requiredTextRejected('caseStudy', 'title');
hostileStored('caseStudy', 'title');
rejected('caseStudy', 'story', 'empty', '');
rejected('caseStudy', 'story', 'only spaces', ' \n\t ');
rejected('caseStudy', 'story', 'missing', MISSING);
rejected('caseStudy', 'story', '10,001 characters', 's'.repeat(10001));
rejected('caseStudy', 'story', 'a control character', 'bell \u0007 ring');
hostileStored('caseStudy', 'story');
stored('caseStudy', 'story', 'exactly 10,000 characters', 'Story '.repeat(1700).slice(0, 9993) + 'The end');
stored('caseStudy', 'story', 'several paragraphs', 'First paragraph.\n\nSecond — with “quotes”.\r\n\tIndented.');
rejected('caseStudy', 'quote', '1,001 characters', 'q'.repeat(1001));
hostileStored('caseStudy', 'quote', SOME_HOSTILE.concat(['a Teams mention', 'HTML tags']));
rejected('caseStudy', 'imageUrl', 'a javascript: link', 'javascript:alert(1)');
rejected('caseStudy', 'imageUrl', 'a data: image', 'data:image/png;base64,iVBORw0KGgo=');
rejected('caseStudy', 'imageUrl', 'not a link', 'photo.jpg');
rejected('caseStudy', 'imageUrl', '300 characters', `https://images.svhub.example/${'a'.repeat(272)}`);
rejected('caseStudy', 'themeId', 'an unknown theme', 'weather');
rejected('caseStudy', 'themeId', 'an OData injection', "environment' or 1 eq 1");
rejected('caseStudy', 'themeId', 'missing', MISSING);
rejected('caseStudy', 'procurementReference', 'empty', '');
rejected('caseStudy', 'procurementReference', '51 characters', 'R'.repeat(51));
stored('caseStudy', 'procurementReference', 'an OData injection', "CS' or 1 eq 1");
stored('caseStudy', 'procurementReference', 'right-to-left text', 'CS-مرحبا');
rejected('caseStudy', 'published', 'text instead of yes or no', 'yes');

// ---- money as typed -------------------------------------------------------------------------------

function moneyRejected(label: string, typed: string | number): void {
  rejected('money', 'estimatedValue', label, typed);
}
function moneyStored(label: string, typed: string | number, pence: number): void {
  stored('money', 'estimatedValue', label, typed, { pence });
}
moneyRejected('negative', '-5');
moneyRejected('negative pounds', '-£5');
moneyRejected('minus after the pound sign', '£-5');
moneyRejected('NaN', 'NaN');
moneyRejected('Infinity', 'Infinity');
moneyRejected('an exponent', '1e3');
moneyRejected('a huge exponent', '1e400');
moneyRejected('a fraction of a penny', '12.345');
moneyRejected('a thousandth of a pound', '£0.001');
moneyRejected('commas in the wrong places', '1,23.45');
moneyRejected('a four-digit group', '1,2345');
moneyRejected('empty', '');
moneyRejected('only spaces', '   ');
moneyRejected('only a pound sign', '£');
moneyRejected('words', 'five pounds');
moneyRejected('hexadecimal', '0x10');
moneyRejected('spaces between thousands', '£ 1 000');
moneyRejected('twenty nines', '99999999999999999999');
moneyRejected('two decimal points', '1.2.3');
moneyRejected('Arabic-Indic digits', '٣٤٥');
moneyRejected('full-width digits', '５００');
moneyRejected('a plus sign', '+5');
moneyRejected('an OData injection', "5' or 1 eq 1");
moneyRejected('a script tag', '<script>5</script>');
moneyRejected('two lines', '£5\n6');
moneyRejected('NaN as a number', NaN);
moneyRejected('Infinity as a number', Infinity);
moneyRejected('a negative number', -0.01);
moneyRejected('a fraction of a penny as a number', 12.345);
moneyRejected('0.1 + 0.2 as a number', 0.1 + 0.2);
moneyRejected('1e21 as a number', 1e21);
moneyRejected('1e-7 as a number', 1e-7);
moneyStored('with a pound sign and commas', '£207,720.00', 20_772_000);
moneyStored('plain', '207720', 20_772_000);
moneyStored('one decimal', '1234.5', 123_450);
moneyStored('one penny', '0.01', 1);
moneyStored('with spaces around', '  £5  ', 500);
moneyStored('a million', '£1,000,000', 100_000_000);
moneyStored('just under the light-touch limit', '£49,999.99', 4_999_999);
moneyStored('the largest exact amount', '90,071,992,547,409.91', Number.MAX_SAFE_INTEGER);
moneyStored('pounds and pence as a number', 19999.99, 1_999_999);
moneyStored('0.3 as a number', 0.3, 30);
moneyStored('a trillion pounds and pence as a number', 9999999999999.99, 999_999_999_999_999);

export const BAD_INPUT_CORPUS: readonly BadInputCase[] = cases;

// ---- records the cases are set into ---------------------------------------------------------------

export const CORPUS_OFFICER = OFFICER;

/** A valid record of the entity (fresh each call), which one case then spoils. */
export function baseRecord(entity: Entity, ref: string): Record<string, unknown> {
  switch (entity) {
    case 'procurement':
    case 'money':
    case 'award': {
      const p: Record<string, unknown> = { ...procurement(ref), leadOfficer: { ...CORPUS_OFFICER } };
      if (entity === 'award') {
        Object.assign(p, {
          supplier: { name: 'Shelter Works CIC', isSme: true, isVcse: true, isLocal: true, postcode: 'B1 1BB' },
          awardValuePence: 24_000_000,
          contractStart: '2026-04-01',
          contractEnd: '2028-03-31',
        });
      }
      return p;
    }
    case 'commitment':
      return { ...commitment(ref, 'GSE-07', 52, { unit: 'weeks' }) };
    case 'action':
      return { ...action(ref, 'Agree the social value delivery plan') };
    case 'outcome':
      return { ...outcome(ref, 'GSE-01', '2026-06-30', 2) };
    case 'caseStudy':
      return { procurementReference: ref, themeId: 'environment', title: 'A quieter, cleaner fleet', story: 'The supplier replaced diesel mowers with electric ones.', published: false };
  }
}

/** Sets (or, for MISSING, removes) a value at a path such as 'supplier.name'. */
export function setPath(record: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = record;
  for (const k of keys.slice(0, -1)) {
    if (!at[k] || typeof at[k] !== 'object') at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === MISSING) delete at[last];
  else at[last] = value;
}

export function getPath(record: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((at, k) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[k] : undefined), record);
}

/** The entity's record with the case's value (and what goes with it) set; money becomes its pence. */
export function caseRecord(c: BadInputCase, ref: string): Record<string, unknown> {
  const record = baseRecord(c.entity, ref);
  if (c.entity === 'money') {
    if (c.pence !== undefined) record.estimatedValuePence = c.pence;
    return record;
  }
  for (const [path, value] of Object.entries(c.with || {})) setPath(record, path, value);
  setPath(record, c.field, c.value);
  return record;
}

/** Whether an error's field names the case's field ('measureTargets[0].targetQuantity' names 'measureTargets'). */
export function namesField(errorField: string, caseField: string): boolean {
  return (
    errorField === caseField ||
    errorField.startsWith(`${caseField}.`) ||
    errorField.startsWith(`${caseField}[`) ||
    caseField.startsWith(`${errorField}.`)
  );
}

// ---- raw HTTP ---------------------------------------------------------------------------------------

export interface RawHttpCase {
  name: string;
  method: 'GET' | 'POST';
  /** Under the site's /_api/. */
  path: string;
  body?: string;
  headers?: Record<string, string>;
  /** The status SharePoint answers. */
  status: number;
  /** Part of the error message, when it says something specific. */
  message?: RegExp;
}

const PROCUREMENT_ITEMS = "web/lists/getByTitle('Procurements')/items";
const OUTCOME_ITEMS = "web/lists/getByTitle('OutcomeLogs')/items";
const CASE_STUDY_ITEMS = "web/lists/getByTitle('CaseStudies')/items";
const q = (filter: string): string => `${PROCUREMENT_ITEMS}?$select=Id,Title&$filter=${encodeURIComponent(filter)}`;

/**
 * Malformed requests straight at the local server's SharePoint REST API (no PnPjs, no repository): each gets
 * SharePoint's error shape and a 4xx, or — for hostile but well-formed filters — a normal answer.
 */
export const RAW_HTTP_CASES: readonly RawHttpCase[] = [
  { name: 'an empty body', method: 'POST', path: PROCUREMENT_ITEMS, body: '', status: 400 },
  { name: 'a JSON null', method: 'POST', path: PROCUREMENT_ITEMS, body: 'null', status: 400 },
  { name: 'a JSON string', method: 'POST', path: PROCUREMENT_ITEMS, body: '"Title"', status: 400 },
  { name: 'a JSON true', method: 'POST', path: PROCUREMENT_ITEMS, body: 'true', status: 400 },
  { name: 'a missing value', method: 'POST', path: PROCUREMENT_ITEMS, body: '{"Title":}', status: 400 },
  { name: 'a trailing comma', method: 'POST', path: PROCUREMENT_ITEMS, body: '{"Title":"x",}', status: 400 },
  { name: 'single-quoted JSON', method: 'POST', path: PROCUREMENT_ITEMS, body: "{'Title':'x'}", status: 400 },
  { name: 'a NaN literal', method: 'POST', path: PROCUREMENT_ITEMS, body: '{"EstimatedValuePence":NaN}', status: 400 },
  { name: 'an Infinity literal', method: 'POST', path: OUTCOME_ITEMS, body: '{"Quantity":Infinity}', status: 400 },
  { name: 'garbage after the object', method: 'POST', path: PROCUREMENT_ITEMS, body: '{"Title":"x"} {"Title":"y"}', status: 400 },
  { name: 'a value nested 10,000 deep', method: 'POST', path: PROCUREMENT_ITEMS, body: `{"Title":${'['.repeat(10000)}${']'.repeat(10000)}}`, status: 400 },
  { name: 'a __proto__ property', method: 'POST', path: PROCUREMENT_ITEMS, body: '{"Title":"x","__proto__":{"Reference":"R"}}', status: 400, message: /__proto__/ },
  { name: 'a constructor property', method: 'POST', path: PROCUREMENT_ITEMS, body: '{"Title":"x","constructor":"y"}', status: 400, message: /constructor/ },
  { name: 'an unknown column', method: 'POST', path: CASE_STUDY_ITEMS, body: '{"Title":"x","Colour":"red"}', status: 400, message: /Colour/ },
  { name: 'text into a number column', method: 'POST', path: PROCUREMENT_ITEMS, body: '{"EstimatedValuePence":"lots"}', status: 400, message: /Edm\.Double/ },
  { name: 'an exponent overflow', method: 'POST', path: OUTCOME_ITEMS, body: '{"Quantity":1e400}', status: 400, message: /Edm\.Double/ },
  { name: 'a number below the column minimum', method: 'POST', path: OUTCOME_ITEMS, body: '{"Title":"t","LogKey":"raw-min","ProcurementRef":"RAW","MeasureCode":"GSE-01","Theme":"environment","PeriodEnd":"2026-06-30","Quantity":-1,"ReportedBy":"x","Verification":"Reported"}', status: 400 },
  { name: 'a theme list as plain text', method: 'POST', path: PROCUREMENT_ITEMS, body: '{"Themes":"environment"}', status: 400, message: /Collection/ },
  { name: 'a theme list of numbers', method: 'POST', path: PROCUREMENT_ITEMS, body: '{"Themes":[1,2]}', status: 400 },
  { name: 'a person id as text', method: 'POST', path: PROCUREMENT_ITEMS, body: '{"LeadOfficerId":"priya"}', status: 400 },
  { name: 'a person who does not exist', method: 'POST', path: PROCUREMENT_ITEMS, body: '{"LeadOfficerId":987654}', status: 400, message: /user/ },
  { name: 'a javascript: link', method: 'POST', path: CASE_STUDY_ITEMS, body: '{"ImageUrl":{"Url":"javascript:alert(1)","Description":"x"}}', status: 400, message: /URL/ },
  { name: 'a link that is a number', method: 'POST', path: OUTCOME_ITEMS, body: '{"EvidenceUrl":{"Url":5}}', status: 400 },
  { name: 'yes as text into yes/no', method: 'POST', path: CASE_STUDY_ITEMS, body: '{"Published":"yes"}', status: 400, message: /Edm\.Boolean/ },
  { name: 'a date after 8900', method: 'POST', path: PROCUREMENT_ITEMS, body: '{"DecisionDate":"9999-12-31T00:00:00Z"}', status: 400, message: /out of range/ },
  { name: 'the 30th of February', method: 'POST', path: PROCUREMENT_ITEMS, body: '{"DecisionDate":"2026-02-30"}', status: 400, message: /Edm\.DateTime/ },
  { name: '256 characters into a title', method: 'POST', path: CASE_STUDY_ITEMS, body: JSON.stringify({ Title: 't'.repeat(256) }), status: 400, message: /maximum length/ },
  { name: 'a 5 MB title', method: 'POST', path: CASE_STUDY_ITEMS, body: JSON.stringify({ Title: 't'.repeat(5 * 1024 * 1024) }), status: 400, message: /maximum length/ },
  { name: 'an item without its required columns', method: 'POST', path: OUTCOME_ITEMS, body: '{"Title":"only a title"}', status: 400, message: /required/ },
  { name: 'an apostrophe doubled in a filter', method: 'GET', path: q("Title eq 'O''Neil & Sons'"), status: 200 },
  { name: 'an apostrophe not doubled in a filter', method: 'GET', path: q("Title eq 'O'Neil'"), status: 400 },
  { name: 'an unterminated literal', method: 'GET', path: q("Title eq 'x"), status: 400 },
  { name: 'an injected or that stays inside the literal', method: 'GET', path: q("Title eq 'x'' or 1 eq 1 or Title eq '''"), status: 200 },
  { name: 'a literal compared with a literal', method: 'GET', path: q("'' eq ''"), status: 400 },
  { name: 'SQL after the filter', method: 'GET', path: q("Title eq 'x'; DROP TABLE Items"), status: 400 },
  { name: 'a SQL comment', method: 'GET', path: q("Title eq 'x' -- "), status: 400 },
  { name: 'double-quoted text', method: 'GET', path: q('Title eq "x"'), status: 400 },
  { name: 'a script tag in substringof', method: 'GET', path: q("substringof('<script>',Title)"), status: 200 },
  { name: 'emoji and right-to-left text in a filter', method: 'GET', path: q(`substringof('${EMOJI}',Title) or Title eq '${RTL}'`), status: 200 },
  { name: 'NaN in a filter', method: 'GET', path: q('EstimatedValuePence gt NaN'), status: 400 },
  { name: 'an overflowing number in a filter', method: 'GET', path: q('EstimatedValuePence gt 1e400'), status: 400 },
  { name: 'an impossible date in a filter', method: 'GET', path: q("DecisionDate gt datetime'2026-02-30T00:00:00Z'"), status: 400 },
  { name: 'an unknown column in a filter', method: 'GET', path: q("Colour eq 'red'"), status: 400 },
  { name: 'an unknown operator', method: 'GET', path: q("Title like 'x%'"), status: 400 },
  { name: 'a missing closing parenthesis', method: 'GET', path: q("startswith(Reference,'WMCA'"), status: 400 },
  { name: 'parentheses nested 3,000 deep', method: 'GET', path: q(`${'('.repeat(3000)}Title eq 'x'${')'.repeat(3000)}`), status: 400 },
  { name: 'not nested 1,000 deep', method: 'GET', path: q(`${'not '.repeat(1000)}Title eq 'x'`), status: 400 },
  { name: 'an injected $orderby', method: 'GET', path: `${PROCUREMENT_ITEMS}?$orderby=${encodeURIComponent('Title;DELETE FROM Items')}`, status: 400 },
  { name: 'a broken $select', method: 'GET', path: `${PROCUREMENT_ITEMS}?$select=${encodeURIComponent('Title,<script>')}`, status: 400 },
  { name: 'a negative $top', method: 'GET', path: `${PROCUREMENT_ITEMS}?$top=-1`, status: 400 },
  { name: 'a list title with an injected quote', method: 'GET', path: "web/lists/getByTitle('Procurements'' or ''1''=''1')/items", status: 404 },
];
