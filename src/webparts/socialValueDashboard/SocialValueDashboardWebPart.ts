import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import * as strings from 'SocialValueHubStrings';

import type { HubServices } from '../../ui/services';
import type { HostTheme } from '../../teams/hostTheme';
import { connectHost, pageTheme } from '../hostServices';

export interface ISocialValueDashboardWebPartProps {
  /** The site that holds the hub's lists, when the dashboard sits on another page (the regional portal). */
  siteUrl?: string;
}

/**
 * Thin shell, as the hub's: reads this.context, builds the services, mounts the dashboard. The dashboard's
 * code (and its charts and Excel export) load only when it renders.
 */
export default class SocialValueDashboardWebPart extends BaseClientSideWebPart<ISocialValueDashboardWebPartProps> {
  private _services: HubServices | undefined;
  private _theme: HostTheme = 'light';

  protected async onInit(): Promise<void> {
    await super.onInit();
    const session = await connectHost(this.context, {
      siteUrl: this.properties.siteUrl,
      onThemeChange: (theme) => {
        this._theme = theme;
        this.render();
      },
    });
    this._services = session.services;
    this._theme = session.theme;
  }

  public render(): void {
    const services = this._services;
    if (!services) return;
    const theme = this._theme;
    import(/* webpackChunkName: 'dashboard' */ '../../ui/dashboard').then(
      (m) => ReactDom.render(React.createElement(m.DashboardApp, { services, theme }), this.domElement),
      (e: unknown) => {
        this.domElement.textContent = `The dashboard could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
      },
    );
  }

  protected onThemeChanged(theme: IReadonlyTheme | undefined): void {
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
