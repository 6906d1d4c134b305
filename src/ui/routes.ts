import * as React from 'react';

/** The hub's screens. The route lives in the URL hash so a reload (or a deep link) returns to the same place. */
/** Hub screens that take no parameter. */
export type SimpleScreen = 'verify' | 'chase' | 'dashboard' | 'case-studies' | 'update' | 'library' | 'settings' | 'outbox';
const SIMPLE_SCREENS: readonly SimpleScreen[] = ['verify', 'chase', 'dashboard', 'case-studies', 'update', 'library', 'settings', 'outbox'];

export type Route =
  | { screen: 'register'; scope: RegisterScope }
  | { screen: SimpleScreen }
  | { screen: 'guide'; reference: string }
  | { screen: 'procurement'; reference: string };

/** My procurements, all of them, or those waiting for my approval. */
export type RegisterScope = 'mine' | 'all' | 'approvals';

export const HOME: Route = { screen: 'register', scope: 'mine' };

export function routeFromHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map((p) => decodeURIComponent(p));
  switch (parts[0]) {
    case 'all':
    case 'approvals':
      return { screen: 'register', scope: parts[0] };
    case 'guide':
      return parts[1] ? { screen: 'guide', reference: parts[1] } : HOME;
    case 'procurement':
      return parts[1] ? { screen: 'procurement', reference: parts[1] } : HOME;
    default:
      return SIMPLE_SCREENS.indexOf(parts[0] as SimpleScreen) >= 0 ? { screen: parts[0] as SimpleScreen } : HOME;
  }
}

export function hashFor(route: Route): string {
  switch (route.screen) {
    case 'register':
      return route.scope === 'mine' ? '#/' : `#/${route.scope}`;
    case 'guide':
      return `#/guide/${encodeURIComponent(route.reference)}`;
    case 'procurement':
      return `#/procurement/${encodeURIComponent(route.reference)}`;
    default:
      return `#/${route.screen}`;
  }
}

/** The current route, kept in step with location.hash (back and forward work too). */
export function useRoute(initial?: Route): [Route, (route: Route) => void] {
  const [route, setRoute] = React.useState<Route>(() => initial ?? routeFromHash(window.location.hash));
  React.useEffect(() => {
    const onHashChange = (): void => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const navigate = React.useCallback((next: Route) => {
    const hash = hashFor(next);
    if (window.location.hash !== hash) window.history.pushState(undefined, '', hash);
    setRoute(next);
    window.scrollTo?.(0, 0);
  }, []);
  return [route, navigate];
}
