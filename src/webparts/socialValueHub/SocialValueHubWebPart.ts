import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { SPPermission } from '@microsoft/sp-page-context';
import { spfi, SPFx } from '@pnp/sp';
import { type IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import * as strings from 'SocialValueHubStrings';

import { App } from '../../ui/App';
import type { HubServices } from '../../ui/services';
import type { HostTheme } from '../../teams/hostTheme';
import { hostThemeFromTeams } from '../../teams/hostTheme';
import { teamsContextInfo } from '../../teams/teamsContext';
import { createSharePointData } from '../../data/sharepoint';

export interface ISocialValueHubWebPartProps {
  /** Optional: the site that holds the hub's lists, when the page lives elsewhere (e.g. a regional portal). */
  siteUrl?: string;
}

/**
 * Thin shell: reads this.context, builds the services, renders <App/>. No business logic here —
 * the policy lives in src/domain, data access in src/data, screens in src/ui.
 */
export default class SocialValueHubWebPart extends BaseClientSideWebPart<ISocialValueHubWebPartProps> {
  private _services: HubServices | undefined;
  private _theme: HostTheme = 'light';

  protected async onInit(): Promise<void> {
    await super.onInit();
    const teamsJs = this.context.sdks.microsoftTeams?.teamsJs;
    const teams = teamsJs ? teamsContextInfo(await teamsJs.app.getContext()) : undefined;
    if (teamsJs && teams) {
      this._theme = teams.theme;
      // Teams users switch theme while the tab is open; follow them.
      teamsJs.app.registerOnThemeChangeHandler((theme: string) => {
        this._theme = hostThemeFromTeams(theme);
        this.render();
      });
    }
    const user = this.context.pageContext.user;
    const graph = await this.context.msGraphClientFactory.getClient('3');
    const siteUrl = this.properties.siteUrl || this.context.pageContext.web.absoluteUrl;
    this._services = {
      host: teams ? 'teams' : 'sharepoint',
      siteUrl,
      user: {
        displayName: user.displayName,
        email: user.email,
        canManageSite: this.context.pageContext.web.permissions.hasPermission(SPPermission.manageWeb),
      },
      teams,
      data: createSharePointData(spfi(siteUrl).using(SPFx(this.context))),
      graph,
      drafts: window.localStorage,
    };
  }

  public render(): void {
    if (!this._services) return;
    ReactDom.render(React.createElement(App, { services: this._services, theme: this._theme }), this.domElement);
  }

  protected onThemeChanged(theme: IReadonlyTheme | undefined): void {
    // In Teams the Teams theme rules; on a SharePoint page follow the page's light/dark variant.
    if (this._services?.teams) return;
    this._theme = theme?.isInverted ? 'dark' : 'light';
    this.render();
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupName: strings.SettingsGroupName,
              groupFields: [PropertyPaneTextField('siteUrl', { label: strings.SiteUrlFieldLabel })],
            },
          ],
        },
      ],
    };
  }
}
