// The bad input corpus on screen: every text the corpus stores exactly (quotes, OData operators, HTML and
// script tags, markdown, emoji, right-to-left text, 10,000 characters…) is shown as that text in the register
// and in a case study, with no element injected: the rendered elements are the same as for plain text.
import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { CaseStudy, Procurement } from '../../src/domain';
import { CaseStudyCard } from '../../src/ui/caseStudies';
import { Register } from '../../src/ui/register/Register';
import { BAD_INPUT_CORPUS, CORPUS_OFFICER, HOSTILE_TEXT, baseRecord } from '../support/badInputCorpus';
import { memoryHub } from '../support/memoryHubData';

jest.setTimeout(60_000);

const STORED_TEXT = Array.from(new Set(BAD_INPUT_CORPUS.filter((c) => c.expect === 'stored' && typeof c.value === 'string').map((c) => c.value as string)));
const TITLES = BAD_INPUT_CORPUS.filter((c) => c.entity === 'procurement' && c.field === 'title' && c.expect === 'stored').map((c) => c.value as string);
const label = (t: string): string => (t.length > 60 ? `${t.slice(0, 40)}… (${t.length} characters)` : t);

/** The elements under a node, by tag name and count: hostile text must not add, drop or change any. */
function tags(node: Element): Record<string, number> {
  const out: Record<string, number> = {};
  node.querySelectorAll('*').forEach((el) => {
    out[el.tagName] = (out[el.tagName] || 0) + 1;
  });
  return out;
}

function renderCard(text: string): HTMLElement {
  const study: CaseStudy = { procurementReference: 'WMCA-2026-0042', themeId: 'environment', title: text, story: text, quote: text, published: true };
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <CaseStudyCard study={study} />
    </FluentProvider>,
  );
  return container;
}

describe('a case study with stored hostile text', () => {
  it('covers every hostile text', () => {
    expect(STORED_TEXT).toEqual(expect.arrayContaining(Object.values(HOSTILE_TEXT)));
  });

  const plain = (): Record<string, number> => {
    const container = renderCard('Plain words');
    const t = tags(container);
    container.remove();
    return t;
  };

  it.each(STORED_TEXT.map((t) => [label(t), t]))('%s', (_label, text) => {
    const expected = plain();
    const container = renderCard(text);
    expect(tags(container)).toEqual(expected);
    expect(container.querySelector('script, img, iframe, a, b, i, at')).toBeNull();
    // Title, story and quote each show the text as typed.
    const shown = container.textContent || '';
    expect(shown.split(text).length - 1).toBeGreaterThanOrEqual(3);
  });
});

describe('the register with stored hostile titles', () => {
  it('shows every title as typed, each row with the elements of a plain one', async () => {
    expect(TITLES.length).toBeGreaterThan(20);
    const hub = memoryHub({ currentEmail: CORPUS_OFFICER.email });
    const all = ['Plain words'].concat(TITLES);
    for (let i = 0; i < all.length; i++) {
      await hub.data.procurements.create({ ...(baseRecord('procurement', `WMCA-2026-${String(i + 1).padStart(4, '0')}`) as unknown as Procurement), title: all[i] });
    }
    render(
      <FluentProvider theme={webLightTheme}>
        <Register data={hub.data} scope="all" userEmail={CORPUS_OFFICER.email} onOpen={() => undefined} />
      </FluentProvider>,
    );
    await screen.findByText('WMCA-2026-0001');
    // Rows by their reference (plain DOM queries: role queries over a large table are slow in jsdom).
    const rows = new Map(Array.from(document.querySelectorAll('tbody tr')).map((tr) => [tr.querySelector('td')?.textContent, tr]));
    expect(rows.size).toBe(all.length);
    const plainRow = tags(rows.get('WMCA-2026-0001')!);
    all.forEach((title, i) => {
      const row = rows.get(`WMCA-2026-${String(i + 1).padStart(4, '0')}`)!;
      expect([label(title), tags(row)]).toEqual([label(title), plainRow]);
      expect(row.querySelectorAll('td')[1].textContent).toBe(title);
    });
    expect(document.querySelector('table script, table img, table iframe, table b, table i, table at')).toBeNull();
  });
});
