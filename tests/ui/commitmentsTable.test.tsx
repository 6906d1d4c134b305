// The contract's committed and delivered figures by theme: a theme whose commitments are all record-only (jobs,
// apprenticeships) says so rather than "£0", which would read as nothing committed or delivered.
import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { MEASURES } from '../../src/domain';
import type { Commitment, OutcomeLog } from '../../src/domain';
import { CommitmentsTable } from '../../src/ui/delivery/CommitmentsTable';

const commitments: Commitment[] = [
  { procurementReference: 'WMCA-2025-0101', measureCode: 'GSE-01', targetQuantity: 3, unit: 'FTE', dueDate: '2028-03-31' },
  { procurementReference: 'WMCA-2025-0101', measureCode: 'ENV-01', targetQuantity: 60, unit: 'tonnes CO2e', proxyPenceLocked: 24500, proxyEdition: '2022', dueDate: '2028-03-31' },
];
const logs: OutcomeLog[] = [
  { procurementReference: 'WMCA-2025-0101', measureCode: 'ENV-01', periodEnd: '2025-06-30', quantity: 10, proxyPence: 24500, valuePence: 245000, reportedBy: 'priya.sandhu@svhub.example', verification: 'Verified' },
  { procurementReference: 'WMCA-2025-0101', measureCode: 'GSE-01', periodEnd: '2025-06-30', quantity: 1, reportedBy: 'priya.sandhu@svhub.example', verification: 'Verified' },
];

it('gives a record-only theme its words, not £0, and a valued theme its £ and share', () => {
  render(
    <FluentProvider theme={teamsLightTheme}>
      <CommitmentsTable commitments={commitments} logs={logs} library={MEASURES} asOf="2026-12-04" contractStart="2025-04-01" />
    </FluentProvider>,
  );
  const themes = screen.getByRole('table', { name: 'Social value by theme: committed against verified' });
  const row = (name: string): string[] =>
    within(within(themes).getByRole('cell', { name }).closest('tr') as HTMLElement).getAllByRole('cell').map((c) => c.textContent ?? '');
  expect(row('Growth, Skills and Employment')).toEqual(['Growth, Skills and Employment', 'Record-only: no £ value', 'Record-only: no £ value', '—']);
  expect(row('Protecting and Improving our Environment')).toEqual(['Protecting and Improving our Environment', '£14,700', '£2,450', '100%']);
  // The proxy in words: per one tonne.
  expect(screen.getByText('Proxy locked at award: £245 per tonne CO2e (2022)')).toBeTruthy();
});
