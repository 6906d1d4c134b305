// The dashboard's bar chart (Fluent UI's v9 charts): named by its title, every bar named with its row, series
// and figure in £, the series in a named key, and the same figures as a table. jsdom has no layout, so this
// checks what assistive technology is given, not where the bars are drawn (the browser tests see the page).
import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import { FluentProvider, teamsLightTheme, tokens } from '@fluentui/react-components';
import { BarChart } from '../../src/ui/dashboard/BarChart';
import type { BarChartProps } from '../../src/ui/dashboard/BarChart';

const props: BarChartProps = {
  id: 'svh-test',
  title: 'By authority',
  rowHeader: 'Authority',
  series: [
    { name: 'Committed', color: tokens.colorCompoundBrandForeground1 },
    { name: 'Verified', color: tokens.colorPaletteGreenForeground1 },
  ],
  extraHeaders: ['Delivered'],
  rows: [
    { label: 'Coventry City Council', values: [1_234_567, 600_050], extra: ['48.6%'] },
    { label: 'Sandwell Metropolitan Borough Council', values: [99, 1], extra: ['1.0%'] },
  ],
};

function show(p: BarChartProps): void {
  render(
    <FluentProvider theme={teamsLightTheme}>
      <BarChart {...p} />
    </FluentProvider>,
  );
}

describe('the dashboard bar chart', () => {
  it('is named by its title, and names every bar with its row, series and figure in pounds', () => {
    show(props);
    const chart = screen.getByRole('region', { name: 'By authority' });
    const bars = within(chart)
      .getAllByRole('option')
      .map((b) => b.getAttribute('aria-label'));
    expect(bars).toEqual([
      'Coventry City Council. Committed, £12,345.67.',
      'Coventry City Council. Verified, £6,000.50.',
      'Sandwell Metropolitan Borough Council. Committed, £0.99.',
      'Sandwell Metropolitan Borough Council. Verified, £0.01.',
    ]);
    // The axis is in whole pounds, never bare numbers; no figures are drawn over the bars, where
    // neighbouring ones collide (each bar's figure is its name above and the table's cell).
    const drawn = Array.from(chart.querySelectorAll('text')).map((t) => t.textContent ?? '');
    expect(drawn.filter((t) => t.startsWith('£')).length).toBeGreaterThan(1);
    expect(drawn).not.toEqual(expect.arrayContaining(['£12,346']));
    expect(drawn.filter((t) => t !== '' && !t.startsWith('£') && !/Council/.test(t))).toEqual([]);
  });

  it('gives each chart on a page its own ids (the library writes the same ones on every chart)', () => {
    render(
      <FluentProvider theme={teamsLightTheme}>
        <BarChart {...props} />
        <BarChart {...props} id="by-theme" title="By theme" />
      </FluentProvider>,
    );
    const ids = Array.from(document.querySelectorAll('[id]')).map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('names its series in a key, coloured from the theme, and gives the same figures as a table', () => {
    show(props);
    const key = screen.getByRole('list', { name: 'Key to By authority' });
    expect(within(key).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Committed', 'Verified']);
    const bars = within(screen.getByRole('region', { name: 'By authority' })).getAllByRole('option');
    expect(bars.map((b) => b.getAttribute('fill'))).toEqual([
      tokens.colorCompoundBrandForeground1,
      tokens.colorPaletteGreenForeground1,
      tokens.colorCompoundBrandForeground1,
      tokens.colorPaletteGreenForeground1,
    ]);
    const table = screen.getByRole('table', { name: 'By authority (table)' });
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'AuthorityCommittedVerifiedDelivered',
      'Coventry City Council£12,345.67£6,000.5048.6%',
      'Sandwell Metropolitan Borough Council£0.99£0.011.0%',
    ]);
  });

  it('draws no chart when there is nothing to chart, and keeps the table', () => {
    show({ ...props, rows: [] });
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'By authority (table)' })).toBeInTheDocument();
  });
});
