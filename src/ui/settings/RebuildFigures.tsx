import * as React from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import { isoDateFromDate } from '../../domain';
import type { HubData } from '../../app/hubData';
import { rebuildRollupsOnSite } from '../../app/rebuild';
import type { RebuildReport } from '../../app/rebuild';
import { ErrorNotice } from '../common/ErrorNotice';
import { format } from '../../loc/format';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '40rem', marginTop: tokens.spacingVerticalXXL },
});

/**
 * A site owner's figures update for the dashboard: recomputes every rollup from the outcome logs and the
 * verifications on record (only owners write them) and brings each commitment's RAG up to today, so a commitment past its due date
 * shows as at risk even when nobody has logged anything since. The same rebuild the command line runs.
 */
export function RebuildFigures({ data }: { data: HubData }): React.ReactElement {
  const styles = useStyles();
  const [running, setRunning] = React.useState(false);
  const [progress, setProgress] = React.useState('');
  const [report, setReport] = React.useState<RebuildReport | undefined>();
  const [error, setError] = React.useState<unknown>(undefined);

  const rebuild = async (): Promise<void> => {
    setRunning(true);
    setError(undefined);
    setReport(undefined);
    try {
      setReport(await rebuildRollupsOnSite(data, { asOf: isoDateFromDate(new Date()), onProgress: setProgress }));
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
      setProgress('');
    }
  };

  return (
    <section aria-labelledby="rebuild-heading" className={styles.section}>
      <h3 id="rebuild-heading">{strings.Settings.RebuildHeading}</h3>
      <Text as="p" block>{strings.Settings.RebuildIntro}</Text>
      <div>
        <Button onClick={() => rebuild()} disabled={running}>
          {running ? strings.Settings.Rebuilding : strings.Settings.Rebuild}
        </Button>
      </div>
      <Text aria-live="polite" block>
        {running
          ? progress
          : report
            ? format(strings.Settings.Rebuilt, report.logs, report.rollups, report.written, report.progressUpdated, report.failed.length)
            : ''}
      </Text>
      {report && report.failed.length > 0 && <ErrorNotice title={strings.Settings.RebuildFailed} error={report.failed[0].error} onRetry={() => rebuild()} />}
      {error !== undefined && <ErrorNotice title={strings.Settings.RebuildFailed} error={error} onRetry={() => rebuild()} />}
    </section>
  );
}
