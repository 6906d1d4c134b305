import * as React from 'react';
import { App } from '../../ui/App';
import type { HubServices } from '../../ui/services';
import type { HostTheme } from '../../teams/hostTheme';
import { HubWebPartBase } from '../HubWebPartBase';

/**
 * The hub, in a Teams tab, the personal app or on a SharePoint page. Thin: the base builds the services
 * from this.context; the policy lives in src/domain, data access in src/data, screens in src/ui.
 */
export default class SocialValueHubWebPart extends HubWebPartBase {
  protected readonly usesGraph: boolean = true;
  protected readonly shows = 'hub' as const;

  protected element(services: HubServices, theme: HostTheme): React.ReactElement {
    return React.createElement(App, { services, theme, signedInAs: this.context.pageContext.user.displayName });
  }

  protected shell(theme: HostTheme): React.ReactElement {
    return React.createElement(App, { theme, signedInAs: this.context.pageContext.user.displayName });
  }
}
