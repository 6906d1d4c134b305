// The guide's review: each target in its unit as every other screen writes it, read as the validators read it.
import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { MEASURES } from '../../src/domain';
import { newDraft } from '../../src/ui/guide/draft';
import { ReviewStep } from '../../src/ui/guide/steps/ReviewStep';

it('writes each target in its unit: a share, money, a count, hours with their £', () => {
  const draft = {
    ...newDraft({ email: 'priya.sandhu@svhub.example', displayName: 'Priya Sandhu' }, '2026-12-04'),
    themeIds: ['growth-skills-employment', 'local-businesses', 'healthier-stronger-communities', 'social-innovation'],
    targets: [
      { code: 'GSE-12', quantity: '3' },
      { code: 'PLB-01', quantity: '1,200' },
      { code: 'INN-01', quantity: '3' },
      { code: 'HSC-01', quantity: '3' },
    ],
  } as never;
  render(
    <FluentProvider theme={teamsLightTheme}>
      <ReviewStep draft={draft} library={MEASURES} problems={{}} goTo={() => undefined} />
    </FluentProvider>,
  );
  const item = (theme: string): string[] => within(screen.getByRole('region', { name: theme })).getAllByRole('listitem').map((li) => li.textContent ?? '');
  expect(item('Growth, Skills and Employment')[0]).toMatch(/^GSE-12 .*: 3%$/);
  expect(item('Promoting Local Businesses')[0]).toMatch(/^PLB-01 .*: £1,200$/);
  expect(item('Social Innovation')[0]).toMatch(/^INN-01 .*: 3$/);
  expect(item('Creating Healthier, Stronger Communities')[0]).toMatch(/^HSC-01 .*: 3 hours \(£50\.79\)$/);
});
