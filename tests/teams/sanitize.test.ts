// User text is plain text in every card: hostile inputs (markdown links and images, mentions, HTML,
// 10,000 characters, emoji, right-to-left text) come out neutral, short and still readable.
import { totalsByTheme } from '../../src/domain';
import { buildSuccessCard, buildUpdateCard, themeAmounts, ELLIPSIS, MAX_MESSAGE_BYTES, sanitizeCardText, truncateText } from '../../src/teams/cards';
import { checkCard, expectValidCard, markdownTexts, runTexts } from './cardCheck';

const hubTab = { appId: '7d4b2f1e-3c9a-4e62-9b8d-5a1f0c6e2d47', entityId: 'socialvaluehub' };
const ARABIC = 'مرحبا بالعالم — شكرا لكم';
const HEBREW = 'שלום עולם';
const FAMILY = '👨‍👩‍👧‍👦';
const FLAG = '🏴󠁧󠁢󠁥󠁮󠁧󠁿';
const UK = '🇬🇧';

const HOSTILE: Record<string, string> = {
  link: 'Read [the report](https://evil.example/phish) now',
  image: 'Look ![tracking pixel](https://evil.example/p.gif) here',
  mention: 'Hello <at id="0">Everyone</at> and <at>General</at>',
  html: '<b>Bold</b> <script>alert(1)</script><img src=x onerror=alert(1)> <a href="https://evil.example">click</a>',
  entities: '&lt;at&gt;Everyone&lt;/at&gt; &amp; &#60;b&#62;x&#60;/b&#62;',
  emphasis: '**We did** ~~not~~ deliver _all_ of it `code`',
  long: 'word '.repeat(2000),
  emoji: `Great work ${FAMILY}${FLAG} 🎉`.repeat(50),
  rtl: `${ARABIC} ${HEBREW}`,
  bidi: 'Invoice \u202Egnp.exe\u202C ok',
  javascriptLink: '[safe](javascript:alert(1))',
  headings: '# Big\n> quoted\n- item',
};

const HOSTILE_MARKERS = [/\]\(/, /<at/i, /<\/?[a-z][^>]*>/i, /!\[/, /\*\*/, /~~/, /`/, /javascript:/i, /[\u202a-\u202e\u2066-\u2069]/];
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('sanitizeCardText', () => {
  test.each([
    ['link', HOSTILE.link, 'Read the report (https://evil.example/phish) now'],
    ['image', HOSTILE.image, 'Look tracking pixel here'],
    ['mention', HOSTILE.mention, 'Hello Everyone and General'],
    ['html', HOSTILE.html, 'Bold alert(1) click'],
    ['entities', HOSTILE.entities, 'Everyone & x'],
    ['emphasis', HOSTILE.emphasis, 'We did not deliver all of it code'],
    ['javascript link', HOSTILE.javascriptLink, 'safe'],
    ['bidi overrides', HOSTILE.bidi, 'Invoice gnp.exe ok'],
    ['headings and lists', HOSTILE.headings, 'Big quoted item'],
    ['snake_case stays', 'care_leavers and ex_offenders', 'care_leavers and ex_offenders'],
    ['a lone < cannot open a tag', 'a < b and c > d', 'a ‹ b and c › d'],
    ['autolink', '<https://svhub.example/x>', 'https://svhub.example/x'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeCardText(input)).toBe(expected);
  });

  test('right-to-left text is kept as written', () => {
    expect(sanitizeCardText(HOSTILE.rtl)).toBe(`${ARABIC} ${HEBREW}`);
  });

  test('10,000 characters are trimmed with an ellipsis at a word break', () => {
    const out = sanitizeCardText('x'.repeat(10) + ' ' + 'word '.repeat(2000), { maxLength: 100 });
    expect(Array.from(out).length).toBeLessThanOrEqual(100);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
    expect(out).toMatch(/word…$/);
  });

  test('trimming never splits an emoji sequence, a flag or a surrogate pair', () => {
    const text = `ab ${FAMILY}${FLAG}${UK}${UK}${FAMILY} cd ${FAMILY}`.repeat(3);
    // Where a person sees one character ends: Intl.Segmenter's grapheme boundaries.
    const boundaries = new Set<number>([0]);
    let offset = 0;
    for (const g of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)) boundaries.add((offset += g.segment.length));
    for (let max = 2; max < 60; max++) {
      const out = truncateText(text, max);
      expect(Array.from(out).length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(LONE_SURROGATE);
      const kept = out.replace(/…$/, '');
      expect(text.startsWith(kept)).toBe(true);
      expect(boundaries.has(kept.length)).toBe(true);
    }
  });

  test('multiline keeps paragraphs, single line joins them', () => {
    expect(sanitizeCardText('one\r\n\r\n\r\ntwo', { multiline: true })).toBe('one\n\ntwo');
    expect(sanitizeCardText('one\ntwo')).toBe('one two');
  });
});

describe('cards built from hostile text', () => {
  test.each(Object.keys(HOSTILE))('%s in every user field', (name) => {
    const evil = HOSTILE[name];
    const success = buildSuccessCard({
      procurement: { reference: `WMCA-${evil}`, title: evil },
      supplier: { name: evil, isSme: true, isVcse: false },
      themeId: 'environment',
      measure: { code: 'ENV-01', text: evil, unit: 'tonnes CO2e' },
      outcome: { quantity: 1, valuePence: 100, periodEnd: '2026-06-30' },
      verifiedBy: evil,
      quote: evil,
      caseStudyUrl: evil,
      hubTab,
    });
    const update = buildUpdateCard({
      period: { label: evil, end: '2026-06-30' },
      ...themeAmounts(totalsByTheme([]), totalsByTheme([])),
      newAwards: Array.from({ length: 30 }, () => ({ reference: evil, title: evil, supplier: { name: evil, isSme: false, isVcse: true } })),
      topSuccesses: Array.from({ length: 30 }, () => ({ reference: evil, title: evil, supplierName: evil, verifiedPence: 100, verifiedByTheme: [{ themeId: 'environment' as const, pence: 100 }] })),
      atRisk: Array.from({ length: 30 }, () => ({ procurementReference: evil, title: evil, measureCode: evil, measureText: evil, rag: 'Amber' as const, targetQuantity: 3, unit: evil, dueDate: '2026-12-31' })),
      dashboardUrl: 'https://svhub.example/dashboard',
      hubTab,
    });
    for (const card of [success, update]) {
      expectValidCard(card);
      expect(checkCard(card).bytes).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
      const texts = [...markdownTexts(card), ...runTexts(card)];
      for (const text of texts) {
        for (const marker of HOSTILE_MARKERS) expect(text).not.toMatch(marker);
        expect(text).not.toMatch(LONE_SURROGATE);
      }
      // User text never lands where Teams reads markdown.
      const userWords = sanitizeCardText(evil, { maxLength: 12 }).replace(ELLIPSIS, '');
      if (userWords.length > 4) for (const text of markdownTexts(card)) expect(text).not.toContain(userWords);
    }
    if (name === 'rtl') expect(runTexts(success).join(' ')).toContain(ARABIC);
    if (name === 'long') expect(runTexts(success).some((t) => t.endsWith(ELLIPSIS))).toBe(true);
  });
});
