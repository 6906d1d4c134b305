// The tender pack, read back from the .docx as a bidder's Word would show it.
import {
  ACTION_PLAN_DUE,
  CURRENT_POLICY_EDITION,
  DEFAULT_RETURN_DAYS_AFTER_PERIOD,
  LIGHT_MEASURE_CODES,
  MEASURES,
  SUGGESTED_MEASURE_CODES,
  determineTier,
  editionFor,
  formatPounds,
  periodById,
  returnDueDate,
  tierSnapshot,
  validateSubmission,
} from '../../src/domain';
import type { Measure, Procurement } from '../../src/domain';
import {
  DOCX_MEDIA_TYPE,
  TenderPackError,
  blockText,
  renderTenderPackBlob,
  renderTenderPackDocx,
  tenderPackContent,
  tenderPackFile,
  tenderPackFileName,
} from '../../src/documents/tenderPack';
import type { TenderPackContent } from '../../src/documents/tenderPack';
import * as wording from '../../src/documents/tenderPack/wording';
import { readDocx } from './docxText';
import type { DocxReading } from './docxText';
import { LIBRARY, LIGHT_TOUCH, PASS_FAIL, TOMS_CONSIDERED, TOMS_INCLUDED, bigLibrary, procurement } from './fixtures';

async function pack(p: Procurement, measures: readonly Measure[] = LIBRARY): Promise<{ content: TenderPackContent; doc: DocxReading }> {
  const content = tenderPackContent(p, { measures });
  const doc = await readDocx(await renderTenderPackDocx(content));
  return { content, doc };
}

function measureOf(code: string, library: readonly Measure[] = LIBRARY): Measure {
  const m = library.filter((x) => x.code === code)[0];
  if (!m) throw new Error(`fixture has no ${code}`);
  return m;
}

/** Each of the procurement's measures is a table row with its code, text, unit and proxy (or "record only") together. */
function expectMeasureRows(doc: DocxReading, p: Procurement, library: readonly Measure[] = LIBRARY): void {
  for (const t of p.measureTargets || []) {
    const m = measureOf(t.measureCode, library);
    const row = doc.rows.filter((r) => r[0] === m.code)[0];
    expect(row).toBeDefined();
    expect(row[1]).toBe(m.text);
    expect(row[2]).toBe(m.unit);
    expect(row[3]).toBe(m.recordOnly ? wording.MEASURES_TEXT.recordOnlyCell : formatPounds(m.proxyPence as number));
  }
}

function fixedTexts(content: TenderPackContent): string[] {
  return content.blocks.filter((b) => b.wording === 'fixed').flatMap(blockText);
}

function factTexts(content: TenderPackContent): string[] {
  return content.blocks.filter((b) => b.wording === 'facts').flatMap(blockText);
}

/** True when `needles` occur in `haystack` in the same order (other items may come between). */
function inOrder(haystack: string[], needles: string[]): boolean {
  let i = 0;
  for (const h of haystack) if (i < needles.length && h === needles[i]) i++;
  return i === needles.length;
}

describe('tender pack at each tier', () => {
  test('at or above the threshold: weighted, with questions, scoring, measures, reporting and an action plan', async () => {
    const { content, doc } = await pack(TOMS_INCLUDED);
    expect(content.kind).toBe('tender-section');
    expect(content.tier).toBe('toms-included');
    expect(doc.paragraphs).toContain('Social value is weighted at 10% of the total score.');
    expect(doc.paragraphs).toContain(wording.WEIGHTED.remainder('90%'));
    expect(doc.paragraphs).toContain(wording.WEIGHTED.example(4, '10%', '8%'));
    for (const q of wording.QUESTIONS['toms-included']) expect(doc.paragraphs).toContain(`${q.lead} ${q.text}`);
    for (const d of wording.REPORTING.duties) expect(doc.paragraphs).toContain(`${d.lead} ${d.text}`);
    expect(doc.paragraphs).toContain(`${wording.REPORTING.actionPlan.lead} ${wording.REPORTING.actionPlan.text}`);
    for (const row of wording.SCORING_SCALE.rows) expect(doc.rows).toContainEqual(row.slice());
    expectMeasureRows(doc, TOMS_INCLUDED);
    // The proxy's edition and source sit in the same row as the measure.
    expect(doc.rows.filter((r) => r[0] === 'ENV-01')[0][4]).toBe('2022: Carbon about £245 per tonne');
    expect(doc.rows.filter((r) => r[0] === 'GSE-01')[0][4]).toBe(wording.MEASURES_TEXT.noEdition);
    expect(doc.rows.filter((r) => r[0] === 'ENV-01')[0][5]).toBe('35.5');
    expect(doc.rows).toContainEqual([wording.FACT_LABELS.value, '£450,000']);
    expect(doc.rows).toContainEqual([wording.FACT_LABELS.reference, 'SV-2026-0042']);
  });

  test('PASS/FAIL: the essential criteria, each PASS or FAIL, and no percentage', async () => {
    const { doc } = await pack(PASS_FAIL);
    expect(doc.paragraphs).toContain(wording.PASS_FAIL.statement);
    expect(doc.paragraphs).toContain(wording.PASS_FAIL.rule);
    expect(doc.rows).toContainEqual(['EC1', 'At least 20 apprenticeships on site', 'PASS or FAIL']);
    expect(doc.rows).toContainEqual(['EC2', 'A local labour plan agreed before start', 'PASS or FAIL']);
    expect(doc.paragraphs.join('\n')).not.toMatch(/weighted at|% of the total score/);
    expect(doc.rows).not.toContainEqual(wording.SCORING_SCALE.rows[0].slice());
    expectMeasureRows(doc, PASS_FAIL);
  });

  test('£50,000 up to the threshold: weighted, TOMs where practical, no action plan duty', async () => {
    const { content, doc } = await pack(TOMS_CONSIDERED);
    expect(content.tier).toBe('toms-considered');
    expect(doc.paragraphs).toContain('Social value is weighted at 5% of the total score.');
    expect(doc.paragraphs).toContain(wording.POLICY_INTRO['toms-considered']);
    for (const q of wording.QUESTIONS['toms-considered']) expect(doc.paragraphs).toContain(`${q.lead} ${q.text}`);
    expect(doc.paragraphs).not.toContain(`${wording.REPORTING.actionPlan.lead} ${wording.REPORTING.actionPlan.text}`);
    expectMeasureRows(doc, TOMS_CONSIDERED);
  });

  test('£50,000 up to the threshold with no weighting (justified): says social value is not scored', async () => {
    const p = procurement({ ...TOMS_CONSIDERED, weighting: { method: 'none', justification: 'No practical scope.' } });
    const { doc } = await pack(p);
    expect(doc.paragraphs).toContain(wording.NOT_SCORED.statement);
    expect(doc.paragraphs.join('\n')).not.toMatch(/weighted at/);
  });

  test('under £50,000: a one-page quotation checklist with the measures, and no weighting at all', async () => {
    const { content, doc } = await pack(LIGHT_TOUCH);
    expect(content.kind).toBe('quotation-checklist');
    expect(content.tier).toBe('light-touch');
    const text = doc.paragraphs.join('\n');
    expect(text).not.toMatch(/weight/i);
    expect(text).not.toMatch(/PASS\/FAIL/);
    for (const item of wording.QUOTATION_CHECKLIST.items) expect(doc.paragraphs).toContain(`\u2610 ${item}`);
    expect(doc.styled.filter((s) => s.style === 'Heading1').map((s) => s.text)).toEqual(['Social value quotation checklist: Printer toner']);
    expect(doc.styled.some((s) => s.style === 'Heading2')).toBe(false);
    expectMeasureRows(doc, LIGHT_TOUCH);
    expect(doc.core).toContain('<dc:description>Social value quotation checklist for SV-2026-0099.</dc:description>');
    // One page: a short title, a small facts table, six ticks, a few measures and a privacy line.
    expect(text.length).toBeLessThan(2500);
    expect(doc.paragraphs.length).toBeLessThan(45);
  });

  test('a light-touch weighting, even an odd one, is ignored rather than printed', async () => {
    const p = procurement({ ...LIGHT_TOUCH, weighting: { method: 'weighted', percent: 50 } });
    const { doc } = await pack(p);
    expect(doc.paragraphs.join('\n')).not.toMatch(/weight|50%/i);
  });
});

describe('Word structure', () => {
  test('one Heading 1, sections as Heading 2 in a fixed order, captions before tables, document properties set', async () => {
    const { content, doc } = await pack(TOMS_INCLUDED);
    expect(doc.styled.filter((s) => s.style === 'Heading1').map((s) => s.text)).toEqual([content.title]);
    expect(doc.styled.filter((s) => s.style === 'Heading2').map((s) => s.text)).toEqual([
      wording.HEADINGS.about,
      wording.HEADINGS.policy,
      wording.HEADINGS.questions,
      wording.HEADINGS.evaluation,
      wording.HEADINGS.measures,
      wording.HEADINGS.reporting,
    ]);
    expect(doc.styled.filter((s) => s.style === 'Heading3').map((s) => s.text)).toEqual([
      wording.HEADINGS.scoringScale,
      'Growth, Skills and Employment',
      'Protecting and Improving our Environment',
      wording.HEADINGS.countingRules,
    ]);
    expect(doc.xml).toContain('<w:tblHeader/>');
    expect(doc.styles).toMatch(/<w:lang w:val="en-GB"\/>/);
    expect(doc.core).toContain(`<dc:title>${content.title}</dc:title>`);
    expect(doc.core).toContain('<dc:creator>Social Value Hub</dc:creator>');
    expect(doc.core).toContain('<dc:subject>SV-2026-0042 Cleaning of Summer Lane offices</dc:subject>');
  });

  test('tenderPackFile: name, media type and bytes in one call', async () => {
    const file = await tenderPackFile(TOMS_INCLUDED, { measures: LIBRARY });
    expect(file.fileName).toBe('SV-2026-0042 Social value tender section.docx');
    expect(file.mediaType).toBe(DOCX_MEDIA_TYPE);
    expect(file.content.tier).toBe('toms-included');
    const doc = await readDocx(file.bytes);
    expect(doc.paragraphs).toContain('Social value is weighted at 10% of the total score.');
    await expect(tenderPackFile(procurement({ measureTargets: [{ measureCode: 'XXX-01', targetQuantity: 1 }] }))).rejects.toThrow(TenderPackError);
  });

  test('renders as a Blob with the Word media type for a download', async () => {
    const blob = await renderTenderPackBlob(tenderPackContent(TOMS_INCLUDED, { measures: LIBRARY }));
    expect(blob.type).toBe(DOCX_MEDIA_TYPE);
    const doc = await readDocx(new Uint8Array(await blob.arrayBuffer()));
    expect(doc.paragraphs).toContain('Social value is weighted at 10% of the total score.');
  });
});

describe('the same wording for every procurement of a tier', () => {
  const other = procurement({
    reference: 'BCC-2027-0310',
    title: 'Highways maintenance framework',
    authorityId: 'birmingham',
    contractType: 'works',
    estimatedValuePence: 1234567800,
    durationMonths: 48,
    themeIds: ['local-businesses', 'healthier-stronger-communities', 'social-innovation'],
    measureTargets: [{ measureCode: 'PLB-01', targetQuantity: 250000 }, { measureCode: 'HSC-01', targetQuantity: 300 }],
    weighting: { method: 'weighted', percent: 25, justification: 'Large works: high scope.' },
  });

  test('two weighted procurements at or above the threshold share every fixed paragraph, word for word, in order', async () => {
    const a = await pack(TOMS_INCLUDED);
    const b = await pack(other);
    expect(b.content.tier).toBe('toms-included');
    const fixedA = fixedTexts(a.content);
    expect(fixedTexts(b.content)).toEqual(fixedA);
    expect(fixedA.length).toBeGreaterThan(20);
    // The documents hold those paragraphs verbatim, in the same order…
    expect(inOrder(a.doc.paragraphs, fixedA)).toBe(true);
    expect(inOrder(b.doc.paragraphs, fixedA)).toBe(true);
    // …and every other paragraph is one of the procurement's facts (or an empty spacer between tables).
    for (const [x, facts] of [[a, factTexts(a.content)], [b, factTexts(b.content)]] as const) {
      const allowed = new Set<string>([...fixedA, ...facts, '']);
      expect(x.doc.paragraphs.filter((p) => !allowed.has(p))).toEqual([]);
    }
    // The facts really differ.
    expect(b.doc.paragraphs).toContain('Social value is weighted at 25% of the total score.');
    expect(b.doc.rows).toContainEqual([wording.FACT_LABELS.authority, 'Birmingham City Council']);
    expect(b.doc.rows).toContainEqual([wording.FACT_LABELS.value, '£12,345,678']);
  });

  const decisions = [
    ['weighted', { method: 'weighted', percent: 7.5, justification: 'a' }, { method: 'weighted', percent: 30, justification: 'b' }],
    ['PASS/FAIL', { method: 'pass-fail', justification: 'a', essentialCriteria: ['One'] }, { method: 'pass-fail', justification: 'b', essentialCriteria: ['Two', 'Three'] }],
    ['no weighting', { method: 'none', justification: 'a' }, { method: 'none', justification: 'b' }],
  ] as const;
  for (const tierCase of [TOMS_CONSIDERED, TOMS_INCLUDED]) {
    for (const [label, wa, wb] of decisions) {
      if (label === 'no weighting' && tierCase === TOMS_INCLUDED) continue; // not allowed at or above the threshold
      test(`${label} at ${tierCase.reference === TOMS_INCLUDED.reference ? 'or above the threshold' : '£50,000 up to the threshold'}: same fixed wording`, () => {
        const a = tenderPackContent(procurement({ ...tierCase, weighting: { ...wa, essentialCriteria: 'essentialCriteria' in wa ? wa.essentialCriteria.slice() : undefined } }), { measures: LIBRARY });
        const b = tenderPackContent({ ...other, estimatedValuePence: tierCase.estimatedValuePence, contractType: tierCase.contractType, weighting: { ...wb, essentialCriteria: 'essentialCriteria' in wb ? wb.essentialCriteria.slice() : undefined } }, { measures: LIBRARY });
        expect(b.tier).toBe(a.tier);
        expect(fixedTexts(b)).toEqual(fixedTexts(a));
      });
    }
  }

  test('two light-touch checklists share every fixed line', async () => {
    const a = await pack(LIGHT_TOUCH);
    const b = await pack(procurement({ ...LIGHT_TOUCH, reference: 'X-1', title: 'Catering for an event', estimatedValuePence: 4999999, measureTargets: [] }));
    expect(b.content.kind).toBe('quotation-checklist');
    expect(fixedTexts(b.content).filter((t) => t !== wording.QUOTATION_CHECKLIST.measuresIntro && t !== wording.QUOTATION_CHECKLIST.noMeasures))
      .toEqual(fixedTexts(a.content).filter((t) => t !== wording.QUOTATION_CHECKLIST.measuresIntro));
    expect(b.doc.paragraphs).toContain(wording.QUOTATION_CHECKLIST.noMeasures);
  });

  test('fixed blocks never carry a procurement fact', () => {
    const content = tenderPackContent(other, { measures: LIBRARY });
    const facts = [other.title, other.reference, 'Birmingham', '25%', '£12,345,678', 'PLB-01', 'HSC-01'];
    for (const text of fixedTexts(content)) for (const f of facts) expect(text).not.toContain(f);
  });
});

describe('text exactly as typed', () => {
  test('<, &, quotes and emoji in titles, criteria and measures survive the round trip', async () => {
    const typed = 'Cleaning <Lot 1> & "Fish" \'n\' Chips 🐟 — café ½';
    const criterion = 'Pay ≥ the Real Living Wage & report <quarterly> "on time" 👍';
    const library: Measure[] = LIBRARY.concat([
      { code: 'INN-09', themeId: 'social-innovation', outcome: 'x', text: 'Trials of <new> & "better" ideas 💡', unit: 'count', proxyPence: 1, proxyEdition: 'E&1', proxySource: '<src>', recordOnly: false, active: true },
    ]);
    const p = procurement({
      title: typed,
      reference: 'SV-2026-<&>',
      measureTargets: [{ measureCode: 'INN-09', targetQuantity: 3 }],
      weighting: { method: 'pass-fail', justification: 'j', essentialCriteria: [criterion] },
    });
    const { doc } = await pack(p, library);
    expect(doc.styled[0]).toEqual({ style: 'Heading1', text: `${wording.TITLES.tenderSection}: ${typed}` });
    expect(doc.rows).toContainEqual([wording.FACT_LABELS.title, typed]);
    expect(doc.rows).toContainEqual([wording.FACT_LABELS.reference, 'SV-2026-<&>']);
    expect(doc.rows).toContainEqual(['EC1', criterion, 'PASS or FAIL']);
    expect(doc.rows).toContainEqual(['INN-09', 'Trials of <new> & "better" ideas 💡', 'count', '£0.01', 'E&1: <src>', '3']);
    // Escaped in the XML, never raw markup.
    expect(doc.xml).not.toContain('<Lot 1>');
    expect(doc.xml).not.toContain('<new>');
    expect(doc.xml).toContain('&lt;Lot 1&gt;');
    expect(doc.core).toContain('&lt;Lot 1&gt; &amp;');
  });
});

describe('large and awkward procurements', () => {
  test('30 measures across all six themes', async () => {
    const library = bigLibrary();
    const p = procurement({ measureTargets: library.map((m, i) => ({ measureCode: m.code, targetQuantity: i + 1 })) });
    const { content, doc } = await pack(p, library);
    expect(content.blocks.filter((b) => b.kind === 'table' && b.caption.startsWith('Measures under'))).toHaveLength(6);
    expectMeasureRows(doc, p, library);
    expect(doc.rows.filter((r) => /^[A-Z]{3}-5\d$/.test(r[0]))).toHaveLength(30);
  });

  test('a recorded tier is used as recorded; without one the tier is determined from the value', () => {
    const recorded = procurement({
      tierDecision: { tier: 'toms-considered', thresholdPence: 21490400, thresholdEffectiveFrom: '2024-01-01', policyEditionId: 'wmca-svp-2024' },
    });
    const content = tenderPackContent(recorded, { measures: LIBRARY });
    expect(content.tier).toBe('toms-considered');
    expect(content.policyEditionId).toBe('wmca-svp-2024');
    expect(tenderPackContent(procurement(), { measures: LIBRARY }).tier).toBe('toms-included');
  });

  test('a measure missing from the library stops the pack with a message naming it', () => {
    const p = procurement({ measureTargets: [{ measureCode: 'GSE-99', targetQuantity: 1 }] });
    expect(() => tenderPackContent(p, { measures: LIBRARY })).toThrow(TenderPackError);
    expect(() => tenderPackContent(p, { measures: LIBRARY })).toThrow(/GSE-99/);
  });

  test('a weighting the policy does not allow is never printed', () => {
    expect(() => tenderPackContent(procurement({ weighting: { method: 'weighted', percent: 40, justification: 'j' } }), { measures: LIBRARY })).toThrow(/5% and 30%/);
    expect(() => tenderPackContent(procurement({ weighting: { method: 'none', justification: 'j' } }), { measures: LIBRARY })).toThrow(TenderPackError);
    expect(() => tenderPackContent(procurement({ weighting: { method: 'pass-fail', justification: 'j', essentialCriteria: [] } }), { measures: LIBRARY })).toThrow(/essential/);
  });

  test('a decision under an authority’s own edition names that authority’s policy and edition, and is judged by its range', () => {
    const decided = (policyEditionId: string, percent: number): Procurement =>
      procurement({ weighting: { method: 'weighted', percent, justification: 'j' }, tierDecision: { tier: 'toms-included', thresholdPence: 20772000, thresholdEffectiveFrom: '2026-01-01', policyEditionId } });
    const coventry = editionFor(CURRENT_POLICY_EDITION, [{ authorityId: 'coventry', editionId: 'coventry-svp-2026', source: 'Coventry policy (test figures)', effectiveFrom: '2026-01-01', lightTouchLimitPence: 5_000_000, weightingMinPercent: 10, weightingMaxPercent: 20 }], 'coventry', '2026-03-01');
    const pack = tenderPackContent({ ...decided('coventry-svp-2026', 15), authorityId: 'coventry' }, { measures: LIBRARY, edition: coventry });
    expect(factTexts(pack).join(' ')).toContain('(Coventry City Council’s social value policy, edition coventry-svp-2026)');
    expect(() => tenderPackContent({ ...decided('coventry-svp-2026', 25), authorityId: 'coventry' }, { measures: LIBRARY, edition: coventry })).toThrow(/10% and 20%/);
  });

  test('a decision recorded under an earlier edition is printed as decided, not judged by a narrower range since', () => {
    const narrower = { ...CURRENT_POLICY_EDITION, id: 'wmca-svp-2028', weightingMinPercent: 10, weightingMaxPercent: 25 };
    const decided = (policyEditionId: string, percent: number): Procurement =>
      procurement({ weighting: { method: 'weighted', percent, justification: 'j' }, tierDecision: { tier: 'toms-included', thresholdPence: 20772000, thresholdEffectiveFrom: '2026-01-01', policyEditionId } });
    const approvedIn2026 = tenderPackContent(decided(CURRENT_POLICY_EDITION.id, 30), { measures: LIBRARY, edition: narrower });
    expect(factTexts(approvedIn2026).join(' ')).toMatch(/30%/);
    // Decided under the edition in force: its range applies.
    expect(() => tenderPackContent(decided('wmca-svp-2028', 30), { measures: LIBRARY, edition: narrower })).toThrow(/10% and 25%/);
    // Under an edition whose figures are not known here: the widest range of the two, never anything.
    expect(() => tenderPackContent(decided('wmca-svp-2019', 30), { measures: LIBRARY, edition: narrower })).not.toThrow();
    expect(() => tenderPackContent(decided('wmca-svp-2019', 31), { measures: LIBRARY, edition: narrower })).toThrow(TenderPackError);
  });

  test('the weighting bidders read is the one approved: one decimal place, never rounded from more', () => {
    const text = tenderPackContent(procurement({ weighting: { method: 'weighted', percent: 12.3, justification: 'j' } }), { measures: LIBRARY }).blocks.flatMap(blockText);
    expect(text).toContain('Social value is weighted at 12.3% of the total score.');
    expect(text).toContain(wording.WEIGHTED.remainder('87.7%'));
    expect(text).toContain(wording.WEIGHTED.example(4, '12.3%', '9.84%'));
    expect(() => tenderPackContent(procurement({ weighting: { method: 'weighted', percent: 12.35, justification: 'j' } }), { measures: LIBRARY })).toThrow(/at most one decimal place/);
  });

  test('the pack and the system agree: returns due 30 calendar days after the quarter, the action plan before submission', () => {
    const text = tenderPackContent(procurement(TOMS_INCLUDED), { measures: LIBRARY }).blocks.flatMap(blockText).join(' ');
    // The workbook and chase list use returnDueDate: 30 June + 30 days = 30 July.
    expect(DEFAULT_RETURN_DAYS_AFTER_PERIOD).toBe(30);
    expect(returnDueDate(periodById('2026-27 Q1'))).toBe('2026-07-30');
    expect(text).toContain(`Within ${DEFAULT_RETURN_DAYS_AFTER_PERIOD} calendar days of the end of each calendar quarter`);
    expect(text).not.toMatch(/working days|one month of contract award/);
    // The guide refuses submission without the plan, in the words the pack uses.
    expect(text).toContain(`action plan in place ${ACTION_PLAN_DUE}`);
    const p = procurement({ ...TOMS_INCLUDED, tierDecision: undefined });
    const tier = determineTier({ estimatedValue: p.estimatedValuePence / 100, contractType: p.contractType, regime: p.regime, decisionDate: p.decisionDate });
    const missing = validateSubmission({ ...p, tierDecision: tierSnapshot(tier) }).filter((e) => e.field === 'actionPlan');
    expect(missing[0].message).toContain(ACTION_PLAN_DUE);
  });

  test('a missing justification does not stop the pack (it is not printed)', () => {
    expect(() => tenderPackContent(procurement({ weighting: { method: 'weighted', percent: 12.5 } }), { measures: LIBRARY })).not.toThrow();
    const content = tenderPackContent(procurement({ weighting: { method: 'weighted', percent: 12.5 } }), { measures: LIBRARY });
    expect(content.blocks.flatMap(blockText)).toContain('Social value is weighted at 12.5% of the total score.');
    expect(content.blocks.flatMap(blockText)).toContain(wording.WEIGHTED.remainder('87.5%'));
  });

  test('the domain’s own library by default: the light set under £50,000, the works set above the threshold', async () => {
    const light = procurement({ ...LIGHT_TOUCH, measureTargets: LIGHT_MEASURE_CODES.map((c) => ({ measureCode: c, targetQuantity: 1 })) });
    const works = procurement({ ...PASS_FAIL, measureTargets: SUGGESTED_MEASURE_CODES.works.map((c) => ({ measureCode: c, targetQuantity: 2 })) });
    for (const p of [light, works]) {
      const doc = await readDocx(await renderTenderPackDocx(tenderPackContent(p)));
      expectMeasureRows(doc, p, MEASURES);
    }
  });

  test('no measures listed: bidders are asked to propose their own', async () => {
    const { doc } = await pack(procurement({ measureTargets: [] }));
    expect(doc.paragraphs).toContain(wording.MEASURES_TEXT.none);
  });
});

describe('tenderPackFileName', () => {
  test('reference and what the document is, safe characters only', () => {
    expect(tenderPackFileName(procurement())).toBe('SV-2026-0042 Social value tender section.docx');
    expect(tenderPackFileName(LIGHT_TOUCH)).toBe('SV-2026-0099 Social value quotation checklist.docx');
    expect(tenderPackFileName(procurement({ reference: 'a/b\\c:*?"<>|d 🐟' }))).toBe('a-b-c-d Social value tender section.docx');
    expect(tenderPackFileName(procurement({ reference: '' }))).toBe('Social value tender section.docx');
    expect(tenderPackFileName(procurement({ reference: '..' }))).toBe('Social value tender section.docx');
  });
});
