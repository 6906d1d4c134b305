// The poster's Graph dependency is satisfied by both hosts' clients: SPFx's MSGraphClientV3
// (context.msGraphClientFactory.getClient('3')) and graph-client's Client (local page, tests).
// The check is the compiler's (npm run build runs tsc -p tsconfig.tests.json).
import type { Client } from '@microsoft/microsoft-graph-client';
import type { MSGraphClientV3 } from '@microsoft/sp-http';
import type { GraphClientLike } from '../../src/teams/posting';

type Fits<T extends GraphClientLike> = T;
export type SpfxClientFits = Fits<MSGraphClientV3>;
export type GraphClientFits = Fits<Client>;

test('both Graph clients fit the poster (compile-time check)', () => {
  const fits: SpfxClientFits[] = [];
  expect(fits).toEqual([]);
});
