import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
} from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import { verifierShown } from '../../domain';
import type { OutcomeLog } from '../../domain';
import type { HubData, Stored } from '../../app/hubData';
import { celebrate, prepareCelebration } from '../../app/celebrate';
import type { CelebrateResult } from '../../app/taskforceChannel';
import type { GraphClientLike } from '../../app/taskforceChannel';
import { ErrorNotice } from '../common/ErrorNotice';
import { useAction } from '../common/useAction';
import { useAsync } from '../common/useAsync';
import { CardPreview } from '../taskforce/CardPreview';
import { PostResult } from '../taskforce/PostResult';

export interface CelebrateDialogProps {
  data: HubData;
  graph?: GraphClientLike;
  log: Stored<OutcomeLog>;
  verifierName: string;
  onClose: (posted: boolean) => void;
}

/** "Celebrate in the taskforce channel": preview the success card, then post it once (through the outbox). */
export function CelebrateDialog({ data, graph, log, verifierName, onClose }: CelebrateDialogProps): React.ReactElement {
  const prepared = useAsync(() => prepareCelebration(data, log, verifierShown(log) || verifierName), [data, log]);
  const [result, setResult] = React.useState<CelebrateResult | undefined>();
  const { busy: posting, error, run } = useAction();

  const post = async (): Promise<void> => {
    const ready = prepared.value;
    const teamId = ready?.teamId;
    const channelId = ready?.channelId;
    if (!graph || !ready || !teamId || !channelId) return;
    const posted = await run(() => celebrate(data, graph, log, { card: ready.card, teamId, channelId }));
    if (posted) setResult(posted);
  };

  const ready = prepared.value;
  const blocked = !graph ? strings.Celebrate.NoGraph : ready && (!ready.teamId || !ready.channelId) ? strings.Celebrate.NoChannel : undefined;
  const posted = result?.status === 'posted';
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose(posted)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{strings.Celebrate.Title}</DialogTitle>
          <DialogContent>
            <Text as="p" block>{strings.Celebrate.Intro}</Text>
            {prepared.loading && <Spinner label={strings.Celebrate.Loading} />}
            {prepared.error !== undefined && <ErrorNotice title={strings.Common.ThatDidNotWork} error={prepared.error} onRetry={prepared.reload} />}
            {ready && <CardPreview card={ready.card} label={strings.Celebrate.Preview} />}
            {blocked && (
              <MessageBar intent="warning">
                <MessageBarBody>{blocked}</MessageBarBody>
              </MessageBar>
            )}
            {error !== undefined && <ErrorNotice title={strings.Celebrate.Failed} error={error} />}
            <PostResult result={result} posted={strings.Celebrate.Posted} alreadyPosted={strings.Celebrate.AlreadyPosted} />
          </DialogContent>
          <DialogActions>
            {!posted && (
              <Button appearance="primary" onClick={() => post()} disabled={!ready || !!blocked || posting}>
                {posting ? strings.Celebrate.Posting : strings.Celebrate.Post}
              </Button>
            )}
            <Button onClick={() => onClose(posted)}>{posted ? strings.Celebrate.Close : strings.Celebrate.Cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
