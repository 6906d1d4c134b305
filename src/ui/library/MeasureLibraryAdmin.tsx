// The measure library admin, for site owners: measures and proxies (a proxy change is a new edition and
// never rewrites awarded commitments, which lock their proxy), import from CSV/XLSX with a per-row error
// report, threshold tables and policy figures as new editions.
import * as React from 'react';
import { MessageBar, MessageBarBody, Spinner, Tab, TabList, Text } from '@fluentui/react-components';
import type { Measure } from '../../domain';
import type { HubData } from '../../app/hubData';
import { authorityEditionsOf, editionInForce, knownEditionIds } from '../../domain';
import { AuthorityEditionsTab } from './AuthorityEditionsTab';
import { ErrorNotice } from '../common/ErrorNotice';
import { useAsync } from '../common/useAsync';
import { useEditionInForce } from '../editionInForce';
import { ImportTab } from './ImportTab';
import { MeasuresTab } from './MeasuresTab';
import { PolicyFiguresTab } from './PolicyFiguresTab';
import { ThresholdsTab } from './ThresholdsTab';
import * as strings from 'SocialValueHubStrings';

const S = strings.LibraryAdmin;

type Section = 'measures' | 'import' | 'thresholds' | 'figures' | 'authorities';

export interface MeasureLibraryAdminProps {
  data: HubData;
  canManageSite: boolean;
  /** Today as yyyy-mm-dd (for the rule that tables in force are never rewritten); defaults to the clock. */
  today?: string;
}

export function MeasureLibraryAdmin({ data, canManageSite, today }: MeasureLibraryAdminProps): React.ReactElement {
  const [section, setSection] = React.useState<Section>('measures');
  const [notice, setNotice] = React.useState('');
  const inForce = useEditionInForce();
  const measures = useAsync<Measure[]>(() => (canManageSite ? data.measures.list() : Promise.resolve([])), [data, canManageSite]);
  const policy = useAsync(
    async () => {
      if (!canManageSite) return undefined;
      const [settings, rows] = await Promise.all([data.settings.all(), data.thresholds.list()]);
      return { settings, rows };
    },
    [data, canManageSite],
  );

  if (!canManageSite) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{S.OwnersOnly}</MessageBarBody>
      </MessageBar>
    );
  }

  const renderSection = (): React.ReactElement => {
    if (section === 'measures' || section === 'import') {
      if (measures.error !== undefined) return <ErrorNotice title={S.CannotLoad} error={measures.error} onRetry={measures.reload} />;
      if (!measures.value) return <Spinner label={S.Loading} />;
      return section === 'measures' ? (
        <MeasuresTab data={data} measures={measures.value} onChanged={measures.reload} />
      ) : (
        <ImportTab data={data} measures={measures.value} onChanged={measures.reload} />
      );
    }
    if (policy.error !== undefined) return <ErrorNotice title={S.CannotLoadEdition} error={policy.error} onRetry={policy.reload} />;
    if (!policy.value) return <Spinner label={S.Loading} />;
    const { settings, rows } = policy.value;
    let edition;
    try {
      edition = editionInForce(settings, rows);
    } catch (error) {
      return <ErrorNotice title={S.EditionUnsound} error={error} onRetry={policy.reload} />;
    }
    const known = knownEditionIds(settings);
    const changed = (message: string): void => {
      setNotice(message);
      policy.reload();
      // The rest of the hub decides under the new edition from now on.
      inForce.reload();
    };
    if (section === 'authorities') return <AuthorityEditionsTab data={data} editions={authorityEditionsOf(settings).editions} onChanged={changed} />;
    return section === 'thresholds' ? (
      <ThresholdsTab key={edition.id} data={data} edition={edition} rows={rows} knownEditionIds={known} onChanged={changed} today={today} />
    ) : (
      <PolicyFiguresTab key={edition.id} data={data} edition={edition} knownEditionIds={known} onChanged={changed} />
    );
  };

  return (
    <section aria-labelledby="measure-library-heading">
      <h2 id="measure-library-heading">{S.Heading}</h2>
      <TabList aria-label={S.Tabs} selectedValue={section} onTabSelect={(_, d) => {
          setSection(d.value as Section);
          setNotice('');
        }}
      >
        <Tab value="measures">{S.Measures}</Tab>
        <Tab value="import">{S.Import}</Tab>
        <Tab value="thresholds">{S.Thresholds}</Tab>
        <Tab value="figures">{S.Figures}</Tab>
        <Tab value="authorities">{S.Authorities}</Tab>
      </TabList>
      <Text aria-live="polite" role="status">
        {notice}
      </Text>
      {renderSection()}
    </section>
  );
}
