import * as React from 'react';
import { FluentProvider, Spinner, Text, Title2, tokens } from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import type { HostTheme } from '../teams/hostTheme';
import { format } from '../loc/format';
import type { HubServices } from './services';
import { fluentTheme } from './theme';
import { preloaded } from './common/preloaded';

export interface AppProps {
  /** Absent while the host is still opening the hub (its one $batch on the way): the shell shows a spinner. */
  services?: HubServices;
  theme: HostTheme;
  /** Who is signed in, from the host page, before the services know it. */
  signedInAs?: string;
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

/**
 * The hub: the same component in a Teams tab, the personal app, a SharePoint page and the local runtime. Rendered
 * first without services, while the host's opening $batch is on its way: the tab shows its header and a spinner at
 * once instead of an empty frame, and React and Fluent do their first-use work (compiling, the theme's styles)
 * while the page waits for SharePoint rather than after (issue 18). The same tree then takes the services.
 */
export function App({ services, theme, signedInAs }: AppProps): React.ReactElement {
  const name = services?.user.displayName ?? signedInAs;
  return (
    <FluentProvider theme={fluentTheme(theme)} lang="en-GB" style={ROOT_STYLE} data-theme={theme}>
      <header style={HEADER_STYLE}>
        <div>
          <Title2 as="h1">{strings.AppTitle}</Title2>
          <Text as="p" block>{strings.AppSubtitle}</Text>
        </div>
        {name ? <Text size={200}>{format(strings.SignedInAs, name)}</Text> : null}
      </header>
      <React.Suspense fallback={<Spinner label={strings.LoadingLabel} />}>
        {services ? <HubScreens services={services} /> : <Spinner label={strings.LoadingLabel} />}
      </React.Suspense>
    </FluentProvider>
  );
}
