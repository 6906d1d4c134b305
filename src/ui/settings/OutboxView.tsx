import * as React from 'react';
import {
  Button,
  Spinner,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { ResponsiveTable } from '../common/ResponsiveTable';
import * as strings from 'SocialValueHubStrings';
import type { HubData } from '../../app/hubData';
import { retryOutbox } from '../../app/taskforceChannel';
import type { GraphClientLike } from '../../app/taskforceChannel';
import { ErrorNotice } from '../common/ErrorNotice';
import { dateTime } from '../common/labels';
import { useAsync } from '../common/useAsync';
import { format } from '../../loc/format';

/** The administrators' view of the taskforce outbox: what was posted, what failed and why, and a retry. */
export function OutboxView({ data, graph }: { data: HubData; graph?: GraphClientLike }): React.ReactElement {
  const page = useAsync(() => data.outbox.query({ pageSize: 100 }), [data]);
  const [running, setRunning] = React.useState(false);
  const [report, setReport] = React.useState<string | undefined>();
  const [error, setError] = React.useState<unknown>(undefined);

  const retry = async (): Promise<void> => {
    if (!graph) return;
    setRunning(true);
    setError(undefined);
    try {
      const result = await retryOutbox(data, graph);
      setReport(format(strings.Outbox.Retried, result.posted.length, result.failed.length, result.inDoubt.length));
      page.reload();
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  };

  return (
    <section aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{strings.Outbox.Heading}</h2>
      <Text as="p" block>{strings.Outbox.Intro}</Text>
      {graph && (
        <Button onClick={() => retry()} disabled={running}>
          {strings.Outbox.RetryDue}
        </Button>
      )}
      <Text aria-live="polite" block>{report}</Text>
      {error !== undefined && <ErrorNotice title={strings.Common.ThatDidNotWork} error={error} />}
      {page.error !== undefined && <ErrorNotice title={strings.Outbox.CouldNotLoad} error={page.error} onRetry={page.reload} />}
      {page.loading && <Spinner size="tiny" label={strings.Outbox.Loading} />}
      {page.value && page.value.items.length === 0 && <Text as="p" block>{strings.Outbox.Empty}</Text>}
      {page.value && page.value.items.length > 0 && (
        <ResponsiveTable aria-label={strings.Outbox.Heading} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{strings.Outbox.Title}</TableHeaderCell>
              <TableHeaderCell>{strings.Outbox.Kind}</TableHeaderCell>
              <TableHeaderCell>{strings.Outbox.Status}</TableHeaderCell>
              <TableHeaderCell>{strings.Outbox.Attempts}</TableHeaderCell>
              <TableHeaderCell>{strings.Outbox.LastError}</TableHeaderCell>
              <TableHeaderCell>{strings.Outbox.Posted}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {page.value.items.map((post) => (
              <TableRow key={post.idempotencyKey}>
                <TableCell>{post.title}</TableCell>
                <TableCell>{post.kind}</TableCell>
                <TableCell>{post.status}</TableCell>
                <TableCell>{post.attempts}</TableCell>
                <TableCell>{post.lastError ?? ''}</TableCell>
                <TableCell>{dateTime(post.postedAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ResponsiveTable>
      )}
    </section>
  );
}
