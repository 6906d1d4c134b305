// Teams tells a tab its theme by name; the hub renders one of three looks.
// 'glass' (newer Teams hosts) and anything unknown fall back to light rather than failing.
export type HostTheme = 'light' | 'dark' | 'contrast';

export function hostThemeFromTeams(teamsTheme: string | undefined): HostTheme {
  switch (teamsTheme) {
    case 'dark':
      return 'dark';
    case 'contrast':
      return 'contrast';
    default:
      return 'light';
  }
}
