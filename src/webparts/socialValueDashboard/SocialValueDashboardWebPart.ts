import * as React from 'react';
import type { HubServices } from '../../ui/services';
import type { HostTheme } from '../../teams/hostTheme';
import { HubWebPartBase } from '../HubWebPartBase';

/**
 * The Social Value Dashboard for the regional portal (and a Teams tab). Thin, as the hub's: the dashboard's
 * code, its charts and the Excel export load only when it renders.
 */
export default class SocialValueDashboardWebPart extends HubWebPartBase {
  protected readonly usesGraph: boolean = false;
  protected readonly shows = 'dashboard' as const;

  protected async element(services: HubServices, theme: HostTheme): Promise<React.ReactElement> {
    const { DashboardApp } = await import(/* webpackChunkName: 'dashboard' */ '../../ui/dashboard');
    return React.createElement(DashboardApp, { services, theme });
  }
}
