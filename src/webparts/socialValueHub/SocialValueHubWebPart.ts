import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import * as strings from 'SocialValueHubStrings';

import { App } from '../../ui/App';
import type { HubServices } from '../../ui/services';
import type { HostTheme } from '../../teams/hostTheme';
import { connectHost, pageTheme } from '../hostServices';

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
    const session = await connectHost(this.context, {
      siteUrl: this.properties.siteUrl,
      graph: true,
      onThemeChange: (theme) => {
        this._theme = theme;
        this.render();
      },
    });
    this._services = session.services;
    this._theme = session.theme;
  }

  public render(): void {
    if (!this._services) return;
    ReactDom.render(React.createElement(App, { services: this._services, theme: this._theme }), this.domElement);
  }

  protected onThemeChanged(theme: IReadonlyTheme | undefined): void {
    // In Teams the Teams theme rules; on a SharePoint page follow the page's light/dark variant.
    if (this._services?.teams) return;
    this._theme = pageTheme(theme?.isInverted);
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
