import * as React from 'react';
import { Button, Field, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import { addMonths, compareIsoDates, isoDateFromDate, periodFor, periodsBetween } from '../../domain';
import type { ReportingPeriod } from '../../domain';
import { SETTING_KEYS } from '../../data/ports';
import type { HubData } from '../../data/ports';
import { dashboardFigures, loadDashboardData } from '../../reporting';
import { buildUpdateCard } from '../../teams/cards';
import { hubTabDeepLink } from '../../teams/deepLinks';
import { DASHBOARD_SUB_ENTITY, HUB_TAB } from '../../teams/hubTab';
import { postCard, updateSubject } from '../../teams/posting';
import type { GraphClientLike, PostCardResult } from '../../teams/posting';
import { ErrorNotice } from '../common/ErrorNotice';
import { useAsync } from '../common/useAsync';
import { CardPreview } from './CardPreview';
import { PostResult } from './PostResult';

const useStyles = makeStyles({
  form: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
});

/** The quarter's update card, from the same figures the dashboard shows. */
async function updateCardFor(data: HubData, period: ReportingPeriod): Promise<ReturnType<typeof buildUpdateCard>> {
  const filters = { fromPeriodId: period.id, toPeriodId: period.id };
  const loaded = await loadDashboardData(data, filters);
  const figures = dashboardFigures(loaded.rollups, filters, { awards: loaded.awards, atRisk: loaded.atRisk });
  const inPeriod = (date?: string): boolean => !!date && compareIsoDates(date, period.start) >= 0 && compareIsoDates(date, period.end) <= 0;
  return buildUpdateCard({
    period,
    themes: figures.themes,
    totals: figures.totals,
    newAwards: loaded.awards.filter((a) => inPeriod(a.contractStart ?? a.decisionDate)),
    topSuccesses: figures.topSuccesses,
    atRisk: figures.atRisk,
    dashboardUrl: hubTabDeepLink(HUB_TAB, DASHBOARD_SUB_ENTITY),
    hubTab: HUB_TAB,
  });
}

/** "Post update": a quarter's taskforce update card, previewed first, posted once per quarter through the outbox. */
export function PostUpdatePanel({ data, graph, today }: { data: HubData; graph?: GraphClientLike; today?: string }): React.ReactElement {
  const styles = useStyles();
  const now = today ?? isoDateFromDate(new Date());
  // The last eight completed quarters, newest first (the current one is not over yet).
  const quarters = React.useMemo(() => periodsBetween(addMonths(now, -24), addMonths(periodFor(now).start, -1)).reverse().slice(0, 8), [now]);
  const [periodId, setPeriodId] = React.useState(quarters[0]?.id ?? '');
  const period = quarters.filter((q) => q.id === periodId)[0];
  const prepared = useAsync(async () => {
    if (!period) return undefined;
    const [card, settings] = await Promise.all([updateCardFor(data, period), data.settings.all()]);
    return { card, teamId: settings[SETTING_KEYS.taskforceTeamId], channelId: settings[SETTING_KEYS.taskforceChannelId] };
  }, [data, periodId]);
  const [result, setResult] = React.useState<PostCardResult | undefined>();
  const [error, setError] = React.useState<unknown>(undefined);
  const [posting, setPosting] = React.useState(false);

  const ready = prepared.value;
  const blocked = !graph ? strings.Celebrate.NoGraph : ready && (!ready.teamId || !ready.channelId) ? strings.Celebrate.NoChannel : undefined;
  const post = async (): Promise<void> => {
    if (!graph || !ready?.teamId || !ready.channelId || !period) return;
    setPosting(true);
    setError(undefined);
    try {
      setResult(
        await postCard({
          graph,
          outbox: data.outbox,
          teamId: ready.teamId,
          channelId: ready.channelId,
          kind: 'update',
          ...updateSubject(period.end),
          card: ready.card,
          title: `${strings.Update.Heading}: ${period.label}`,
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setPosting(false);
    }
  };

  return (
    <section aria-labelledby="update-heading">
      <h2 id="update-heading">{strings.Update.Heading}</h2>
      <div className={styles.form}>
        <Text as="p" block>{strings.Update.Intro}</Text>
        <Field label={strings.Update.Quarter}>
          <Select
            value={periodId}
            onChange={(_, d) => {
              setPeriodId(d.value);
              setResult(undefined);
            }}
          >
            {quarters.map((q) => (
              <option key={q.id} value={q.id}>{q.label}</option>
            ))}
          </Select>
        </Field>
        {prepared.loading && <Spinner label={strings.Update.Loading} />}
        {prepared.error !== undefined && <ErrorNotice title={strings.Common.ThatDidNotWork} error={prepared.error} onRetry={prepared.reload} />}
        {ready && <CardPreview card={ready.card} label={strings.Update.Preview} />}
        {blocked && (
          <MessageBar intent="warning">
            <MessageBarBody>{blocked}</MessageBarBody>
          </MessageBar>
        )}
        {error !== undefined && <ErrorNotice title={strings.Celebrate.Failed} error={error} />}
        <PostResult result={result} posted={strings.Update.Posted} alreadyPosted={strings.Update.AlreadyPosted} />
        <div>
          <Button appearance="primary" onClick={() => post()} disabled={!ready || !!blocked || posting}>
            {posting ? strings.Celebrate.Posting : strings.Update.Post}
          </Button>
        </div>
      </div>
    </section>
  );
}
