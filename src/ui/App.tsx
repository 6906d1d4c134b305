import * as React from 'react';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import type { HostTheme } from '../teams/hostTheme';
import type { HubServices } from './services';
import { fluentTheme } from './theme';
import { format } from './format';

export interface AppProps {
  services: HubServices;
  theme: HostTheme;
}

const useStyles = makeStyles({
  root: {
    minHeight: '100%',
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    boxSizing: 'border-box',
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
});

/** The hub: the same component in a Teams tab, the personal app, a SharePoint page and the local runtime. */
export function App({ services, theme }: AppProps): React.ReactElement {
  const styles = useStyles();
  return (
    <FluentProvider theme={fluentTheme(theme)} lang="en-GB" className={styles.root} data-theme={theme}>
      <header className={styles.header}>
        <div>
          <Title2 as="h1">{strings.AppTitle}</Title2>
          <Text as="p" block>{strings.AppSubtitle}</Text>
        </div>
        <Text size={200}>{format(strings.SignedInAs, services.user.displayName)}</Text>
      </header>
      <main>
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>{strings.NoDataServiceTitle}</MessageBarTitle>
            {strings.NoDataServiceBody}
          </MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}
