import {
  Theme,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from '@fluentui/react-components';
import type { HostTheme } from '../teams/hostTheme';

/**
 * The dashboard's series colours, carried in the theme: FluentProvider writes every key of its theme as a CSS
 * variable (--svhSeriesReported), so a chart names one variable and gets the colour of the theme it is in.
 * Light and dark take Fluent's marigold and green; Teams' high-contrast theme maps every palette colour to
 * white, so there "reported" and "verified" take its other two colours, link yellow and the green it gives
 * disabled text (committed is its cyan, colorCompoundBrandForeground1, in every theme).
 */
interface SeriesTokens {
  svhSeriesReported: string;
  svhSeriesVerified: string;
}
export type HubTheme = Theme & SeriesTokens;

/** CSS values of the series colours, for the charts. */
export const seriesColors = {
  reported: 'var(--svhSeriesReported)',
  verified: 'var(--svhSeriesVerified)',
};

const withSeries = (theme: Theme, reported: string, verified: string): HubTheme => ({ ...theme, svhSeriesReported: reported, svhSeriesVerified: verified });

const LIGHT = withSeries(teamsLightTheme, teamsLightTheme.colorPaletteMarigoldForeground2, teamsLightTheme.colorPaletteGreenForeground1);
const DARK = withSeries(teamsDarkTheme, teamsDarkTheme.colorPaletteMarigoldForeground2, teamsDarkTheme.colorPaletteGreenForeground1);
const CONTRAST = withSeries(teamsHighContrastTheme, teamsHighContrastTheme.colorBrandForegroundLink, teamsHighContrastTheme.colorNeutralForegroundDisabled);

/** The hub wears Teams' own Fluent themes, so it looks native in Teams and consistent on SharePoint. */
export function fluentTheme(theme: HostTheme): HubTheme {
  switch (theme) {
    case 'dark':
      return DARK;
    case 'contrast':
      return CONTRAST;
    default:
      return LIGHT;
  }
}
