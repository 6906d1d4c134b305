import * as React from 'react';
import { Button, Field, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import { addMonths, isoDateFromDate, periodFor, periodsBetween } from '../../domain';
import type { HubData } from '../../app/hubData';
import { postUpdate, prepareUpdate } from '../../app/taskforceUpdate';
import type { GraphClientLike, PostCardResult } from '../../app/taskforceChannel';
import { ErrorNotice } from '../common/ErrorNotice';
import { useAction } from '../common/useAction';
import { useAsync } from '../common/useAsync';
import { CardPreview } from './CardPreview';
import { PostResult } from './PostResult';

const useStyles = makeStyles({
  form: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
});

/** "Post update": a quarter's taskforce update card, previewed first, posted once per quarter through the outbox. */
export function PostUpdatePanel({ data, graph, today }: { data: HubData; graph?: GraphClientLike; today?: string }): React.ReactElement {
  const styles = useStyles();
  const now = today ?? isoDateFromDate(new Date());
  // The last eight completed quarters, newest first (the current one is not over yet).
  const quarters = React.useMemo(() => periodsBetween(addMonths(now, -24), addMonths(periodFor(now).start, -1)).reverse().slice(0, 8), [now]);
  const [periodId, setPeriodId] = React.useState(quarters[0]?.id ?? '');
  const period = quarters.filter((q) => q.id === periodId)[0];
  const prepared = useAsync(async () => (period ? prepareUpdate(data, period) : undefined), [data, periodId]);
  const [result, setResult] = React.useState<PostCardResult | undefined>();
  const { busy: posting, error, run } = useAction();

  const ready = prepared.value;
  const blocked = !graph ? strings.Celebrate.NoGraph : ready && (!ready.teamId || !ready.channelId) ? strings.Celebrate.NoChannel : undefined;
  const post = async (): Promise<void> => {
    const teamId = ready?.teamId;
    const channelId = ready?.channelId;
    if (!graph || !ready || !teamId || !channelId || !period) return;
    const posted = await run(() => postUpdate(data, graph, period, { card: ready.card, teamId, channelId }, `${strings.Update.Heading}: ${period.label}`));
    if (posted) setResult(posted);
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
