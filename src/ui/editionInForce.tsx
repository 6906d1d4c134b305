// The policy edition decisions are made under: the figures and threshold tables site owners saved in the
// Settings and Thresholds lists, loaded once when the hub opens and shared by every screen that decides
// something (tier, weighting, validation, tender pack). The built-in edition stands in until the lists
// answer, and is what editionInForce gives when nothing has been saved.
import * as React from 'react';
import { CURRENT_POLICY_EDITION, authorityEditionsOf, editionFor, editionInForce } from '../domain';
import type { AuthorityEdition, IsoDate, PolicyEdition } from '../domain';
import type { HubData } from '../app/hubData';
import { useAsync } from './common/useAsync';

export interface EditionInForce {
  /** The regional edition: the saved one once loaded, else the built-in CURRENT_POLICY_EDITION. */
  edition: PolicyEdition;
  /** Each authority's own editions (site owners add them in the measure library's admin). */
  authorityEditions: readonly AuthorityEdition[];
  /** The edition a procurement is decided under: its authority's in force on its decision date, else the region's. */
  editionFor: (authorityId: string, decisionDate: IsoDate) => PolicyEdition;
  /** True until the lists first answer: a decision made now would be recorded under the wrong edition. */
  loading: boolean;
  /** Why the saved edition could not be read or is not sound; decisions wait for a retry rather than guess. */
  error?: unknown;
  /** Reads the lists again, e.g. after a site owner saves a new edition. */
  reload: () => void;
}

/** The editions the Settings and Thresholds lists hold (the built-in one's figures where they hold none). */
export async function loadEditionInForce(data: HubData): Promise<{ edition: PolicyEdition; authorityEditions: AuthorityEdition[] }> {
  const [settings, rows] = await Promise.all([data.settings.all(), data.thresholds.list()]);
  return { edition: editionInForce(settings, rows), authorityEditions: authorityEditionsOf(settings).editions };
}

function inForce(edition: PolicyEdition, authorityEditions: readonly AuthorityEdition[], loading: boolean, error: unknown, reload: () => void): EditionInForce {
  return { edition, authorityEditions, loading, error, reload, editionFor: (authorityId, decisionDate) => editionFor(edition, authorityEditions, authorityId, decisionDate) };
}

/** Loads the edition in force for `data`; the built-in edition until it answers. */
export function useLoadEditionInForce(data: HubData): EditionInForce {
  const { value, error, reload } = useAsync(() => loadEditionInForce(data), [data]);
  return React.useMemo(
    () => inForce(value?.edition ?? CURRENT_POLICY_EDITION, value?.authorityEditions ?? [], value === undefined && error === undefined, error, reload),
    [value, error, reload],
  );
}

// Outside a provider (a screen rendered on its own) decisions use the built-in edition.
const EditionInForceContext = React.createContext<EditionInForce>(inForce(CURRENT_POLICY_EDITION, [], false, undefined, () => undefined));

/** Loads the edition in force once for everything inside it; children render at once, without waiting. */
export function EditionInForceProvider({ data, children }: { data: HubData; children: React.ReactNode }): React.ReactElement {
  const value = useLoadEditionInForce(data);
  return <EditionInForceContext.Provider value={value}>{children}</EditionInForceContext.Provider>;
}

/** The edition in force, as loaded by the nearest EditionInForceProvider. */
export function useEditionInForce(): EditionInForce {
  return React.useContext(EditionInForceContext);
}
