// The root the "Social Value Dashboard" web part mounts (regional portal page, full page, Teams tab):
// the dashboard and the published case studies, read-only, in the host's theme.
import * as React from 'react';
import * as strings from 'SocialValueHubStrings';
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
          <TabList selectedValue={view} onTabSelect={(e, d) => setView(d.value as 'dashboard' | 'case-studies')} aria-label={strings.Dashboard.Views}>
            <Tab value="dashboard">{strings.Nav.Dashboard}</Tab>
            <Tab value="case-studies">{strings.Nav.CaseStudies}</Tab>
          </TabList>
          {view === 'dashboard' ? <Dashboard data={services.data} /> : <CaseStudies data={services.data} canWrite={false} />}
        </>
      ) : (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>{strings.Dashboard.NoDataTitle}</MessageBarTitle>
            {strings.Dashboard.NoDataBody}
          </MessageBarBody>
        </MessageBar>
      )}
    </FluentProvider>
  );
}
