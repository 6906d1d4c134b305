// The root the "Social Value Dashboard" web part mounts (regional portal page, full page, Teams tab):
// the dashboard and the published case studies, read-only, in the host's theme.
import * as React from 'react';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Tab, TabList } from '@fluentui/react-components';
import type { HostTheme } from '../../teams/hostTheme';
import type { HubServices } from '../services';
import { fluentTheme } from '../theme';
import { CaseStudies } from '../caseStudies/CaseStudies';
import { Dashboard } from './Dashboard';

export interface DashboardAppProps {
  services: HubServices;
  theme: HostTheme;
}

export function DashboardApp({ services, theme }: DashboardAppProps): React.ReactElement {
  const [view, setView] = React.useState<'dashboard' | 'case-studies'>('dashboard');
  return (
    <FluentProvider theme={fluentTheme(theme)} lang="en-GB" data-theme={theme}>
      {services.data ? (
        <>
          <TabList selectedValue={view} onTabSelect={(e, d) => setView(d.value as 'dashboard' | 'case-studies')} aria-label="Social value reporting">
            <Tab value="dashboard">Dashboard</Tab>
            <Tab value="case-studies">Case studies</Tab>
          </TabList>
          {view === 'dashboard' ? <Dashboard data={services.data} /> : <CaseStudies data={services.data} canWrite={false} />}
        </>
      ) : (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>The dashboard cannot reach the hub’s lists</MessageBarTitle>
            Ask the site owner to set the hub site’s address in the web part’s settings.
          </MessageBarBody>
        </MessageBar>
      )}
    </FluentProvider>
  );
}
