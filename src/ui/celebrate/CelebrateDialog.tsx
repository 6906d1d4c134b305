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
  MessageBarTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import type { OutcomeLog } from '../../domain';
import { SETTING_KEYS } from '../../data/ports';
import type { HubData, Stored } from '../../data/ports';
import type { AdaptiveCardJson } from '../../teams/cards';
import { celebrateOutcome } from '../../teams/posting/celebrate';
import type { CelebrateResult } from '../../teams/posting/celebrate';
import type { GraphClientLike } from '../../teams/posting';
import { ErrorNotice } from '../common/ErrorNotice';
import { useAsync } from '../common/useAsync';
import { format } from '../format';
import { successCardFor } from './successCardFor';

export interface CelebrateDialogProps {
  data: HubData;
  graph?: GraphClientLike;
  log: Stored<OutcomeLog>;
  verifierName: string;
  onClose: (posted: boolean) => void;
}

/** Renders the card with the official Adaptive Cards renderer (loaded on demand), as Teams will show it. */
function CardPreview({ card }: { card: AdaptiveCardJson }): React.ReactElement {
  const host = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    let current = true;
    import(/* webpackChunkName: 'card-preview' */ 'adaptivecards')
      .then(({ AdaptiveCard }) => {
        if (!current || !host.current) return;
        const adaptive = new AdaptiveCard();
        adaptive.parse(card);
        const rendered = adaptive.render();
        host.current.replaceChildren(...(rendered ? [rendered] : []));
      })
      .catch(() => undefined); // the preview is a courtesy; posting does not depend on it
    return () => {
      current = false;
    };
  }, [card]);
  return <div ref={host} role="figure" aria-label={strings.Celebrate.Preview} />;
}

/** "Celebrate in the taskforce channel": preview the success card, then post it once (through the outbox). */
export function CelebrateDialog({ data, graph, log, verifierName, onClose }: CelebrateDialogProps): React.ReactElement {
  const prepared = useAsync(async () => {
    const [card, settings] = await Promise.all([successCardFor(data, log, log.verifiedBy || verifierName), data.settings.all()]);
    return { card, teamId: settings[SETTING_KEYS.taskforceTeamId], channelId: settings[SETTING_KEYS.taskforceChannelId] };
  }, [data, log]);
  const [result, setResult] = React.useState<CelebrateResult | undefined>();
  const [error, setError] = React.useState<unknown>(undefined);
  const [posting, setPosting] = React.useState(false);

  const post = async (): Promise<void> => {
    const ready = prepared.value;
    if (!graph || !ready?.teamId || !ready.channelId) return;
    setPosting(true);
    setError(undefined);
    try {
      setResult(await celebrateOutcome({ graph, outbox: data.outbox, outcomes: data.outcomes, log, card: ready.card, teamId: ready.teamId, channelId: ready.channelId }));
    } catch (e) {
      setError(e);
    } finally {
      setPosting(false);
    }
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
            {ready && <CardPreview card={ready.card} />}
            {blocked && (
              <MessageBar intent="warning">
                <MessageBarBody>{blocked}</MessageBarBody>
              </MessageBar>
            )}
            {error !== undefined && <ErrorNotice title={strings.Celebrate.Failed} error={error} />}
            <div aria-live="polite">
              {result?.status === 'posted' && (
                <MessageBar intent="success">
                  <MessageBarBody>{result.alreadyPosted ? strings.Celebrate.AlreadyPosted : strings.Celebrate.Posted}</MessageBarBody>
                </MessageBar>
              )}
              {result?.status === 'in-progress' && (
                <MessageBar intent="info">
                  <MessageBarBody>{result.message}</MessageBarBody>
                </MessageBar>
              )}
              {result?.status === 'failed' && (
                <MessageBar intent="error">
                  <MessageBarBody>
                    <MessageBarTitle>{strings.Celebrate.Failed}</MessageBarTitle>
                    {result.error.message}
                    {result.error.adminDetail && <Text block size={200}>{format(strings.Celebrate.AdminDetail, result.error.adminDetail)}</Text>}
                  </MessageBarBody>
                </MessageBar>
              )}
            </div>
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
