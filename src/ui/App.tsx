import * as React from 'react';
import { FluentProvider, Spinner, Text, Title2, tokens } from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import type { HostTheme } from '../teams/hostTheme';
import { format } from '../loc/format';
import type { HubServices } from './services';
import { fluentTheme } from './theme';
import { preloaded } from './common/preloaded';

export interface AppProps {
  services: HubServices;
  theme: HostTheme;
}

// Before the first render only this shell loads (theme, header, a spinner); the screens, with their set-up
// check and the register, come in chunks fetched beside it, so the tab shows itself at once. The fetch starts
// as soon as this module runs: in the web part that is while it still connects to Teams and SharePoint.
const hubScreens = import(/* webpackChunkName: 'hub' */ './HubScreens').then((m) => m.HubScreens);
// The register (the landing screen) is fetched beside the screens, not after them: one round trip less on the
// way to the first screen where each costs SharePoint's latency. The screens' own import of it shares this load.
import(/* webpackChunkName: 'register' */ './register/Register').catch(() => undefined);
const HubScreens = preloaded(hubScreens);

// Plain style objects, not makeStyles: the shell then needs no style compiler (Griffel's runtime arrives with
// the first screen that uses makeStyles), so less loads before the first render. Same look.
const ROOT_STYLE: React.CSSProperties = {
  minHeight: '100%',
  padding: tokens.spacingHorizontalL,
  backgroundColor: tokens.colorNeutralBackground2,
  color: tokens.colorNeutralForeground1,
  boxSizing: 'border-box',
};
const HEADER_STYLE: React.CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'baseline',
  justifyContent: 'space-between',
  gap: tokens.spacingHorizontalM,
  marginBottom: tokens.spacingVerticalM,
};

/** The hub: the same component in a Teams tab, the personal app, a SharePoint page and the local runtime. */
export function App({ services, theme }: AppProps): React.ReactElement {
  return (
    <FluentProvider theme={fluentTheme(theme)} lang="en-GB" style={ROOT_STYLE} data-theme={theme}>
      <header style={HEADER_STYLE}>
        <div>
          <Title2 as="h1">{strings.AppTitle}</Title2>
          <Text as="p" block>{strings.AppSubtitle}</Text>
        </div>
        <Text size={200}>{format(strings.SignedInAs, services.user.displayName)}</Text>
      </header>
      <React.Suspense fallback={<Spinner label={strings.LoadingLabel} />}>
        <HubScreens services={services} />
      </React.Suspense>
    </FluentProvider>
  );
}
