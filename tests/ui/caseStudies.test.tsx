import * as React from 'react';
import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { CaseStudy } from '../../src/domain';
import { CaseStudies } from '../../src/ui/caseStudies';
import { memoryHub, withReporting } from '../support/memoryHubData';

jest.setTimeout(60_000);

const story = (over: Partial<CaseStudy>): CaseStudy => ({
  procurementReference: 'WMCA-2026-0001',
  themeId: 'environment',
  title: 'Cleaner depots',
  story: 'Electric vans cut 40 tonnes of CO2e.',
  published: true,
  ...over,
});

function setup(canWrite: boolean, seed: CaseStudy[] = []) {
  const hub = memoryHub();
  const mem = withReporting(hub, { caseStudies: seed });
  const user = userEvent.setup({ delay: null });
  render(
    <FluentProvider theme={webLightTheme}>
      <CaseStudies data={hub.data} canWrite={canWrite} />
    </FluentProvider>,
  );
  return { mem, user };
}

describe('case studies', () => {
  it('browses published stories by theme, user text shown as text and only web links offered', async () => {
    const { user } = setup(false, [
      story({ title: '<img src=x onerror=alert(1)>', story: '**bold** [link](http://evil)', quote: '<script>alert(1)</script>', imageUrl: 'javascript:alert(1)' }),
      story({ themeId: 'growth-skills-employment', title: 'Apprentices', story: '12 apprenticeships', imageUrl: 'https://images.example/a.jpg' }),
      story({ title: 'Draft story', published: false }),
    ]);
    const list = await screen.findByRole('list', { name: 'Published case studies' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(screen.getByText('<script>alert(1)</script>')).toBeInTheDocument();
    expect(document.querySelector('img, script')).toBeNull();
    expect(screen.queryByText('Draft story')).toBeNull();
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAttribute('href', 'https://images.example/a.jpg');
    expect(screen.queryByRole('heading', { name: 'Write a case study' })).toBeNull();

    await user.selectOptions(screen.getByLabelText('Theme'), 'growth-skills-employment');
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Published case studies' })).getAllByRole('listitem')).toHaveLength(1));
    expect(screen.getByText('Apprentices')).toBeInTheDocument();
  });

  it('writes a story, refusing missing fields and a non-web image link, then publishes it', async () => {
    const { user, mem } = setup(true);
    await screen.findByText('No published case studies yet.');
    await user.click(screen.getByRole('button', { name: 'Save case study' }));
    expect(screen.getByRole('textbox', { name: /Title/ })).toHaveAccessibleDescription(/Enter a title/);
    expect(screen.getByRole('textbox', { name: /Story/ })).toHaveAccessibleDescription(/Tell the story/);
    expect(mem.caseStudies).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: /Procurement reference/ }), 'WMCA-2026-0007');
    await user.selectOptions(screen.getByRole('combobox', { name: /Theme of the story/ }), 'healthier-stronger-communities');
    await user.type(screen.getByRole('textbox', { name: /Title/ }), 'Volunteers at the food bank');
    await user.type(screen.getByRole('textbox', { name: /^Story/ }), '300 hours of staff volunteering.');
    await user.type(screen.getByRole('textbox', { name: /Quote/ }), '"It kept us open" — the food bank manager');
    await user.type(screen.getByLabelText(/Image link/), 'javascript:alert(1)');
    await user.click(screen.getByRole('button', { name: 'Save case study' }));
    expect(screen.getByLabelText(/Image link/)).toHaveAccessibleDescription(/https:\/\//);
    expect(mem.caseStudies).toHaveLength(0);

    await user.clear(screen.getByLabelText(/Image link/));
    await user.type(screen.getByLabelText(/Image link/), 'https://images.example/foodbank.jpg');
    await user.click(screen.getByRole('button', { name: 'Save case study' }));
    expect(await screen.findByText(/Saved “Volunteers at the food bank”/)).toBeInTheDocument();
    expect(mem.caseStudies[0]).toMatchObject({ procurementReference: 'WMCA-2026-0007', themeId: 'healthier-stronger-communities', published: false, imageUrl: 'https://images.example/foodbank.jpg' });

    await user.click(await screen.findByRole('button', { name: 'Publish “Volunteers at the food bank”' }));
    const list = await screen.findByRole('list', { name: 'Published case studies' });
    expect(within(list).getByText('Volunteers at the food bank')).toBeInTheDocument();
    expect(mem.caseStudies[0].published).toBe(true);
  });
});
