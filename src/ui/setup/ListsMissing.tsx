// What a site without the hub's lists shows (and a page with no data service): a chunk of its own, since
// nearly every first screen is on a site that has them.
import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import type { HubData, ProvisionReport } from '../../app/hubData';
import { ErrorNotice } from '../common/ErrorNotice';
import { format } from '../../loc/format';

/** The lists that are missing; a site owner may provision them here. */
export function ListsMissing(props: { data: HubData; missing: readonly string[]; canProvision: boolean; onProvisioned: () => void }): React.ReactElement {
  const { data, missing, canProvision } = props;
  const [report, setReport] = React.useState<ProvisionReport | undefined>();
  const [running, setRunning] = React.useState(false);
  const [error, setError] = React.useState<unknown>(undefined);
  const provision = async (): Promise<void> => {
    setRunning(true);
    setError(undefined);
    try {
      setReport(await data.provisioning.provision());
      props.onProvisioned();
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  };
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{strings.Setup.ListsMissingTitle}</MessageBarTitle>
        {format(strings.Setup.ListsMissing, missing.join(', '))} {canProvision ? strings.Setup.OwnerCanProvision : strings.Setup.AskOwner}
        {error !== undefined && <ErrorNotice title={strings.Setup.ProvisionStopped} error={error} />}
        {report && <Text block>{format(strings.Setup.ProvisionReport, report.created.length, report.updated.length)}</Text>}
        {canProvision && (
          <div>
            <Button appearance="primary" onClick={() => provision()} disabled={running}>
              {running ? strings.Setup.Provisioning : strings.Setup.Provision}
            </Button>
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A page whose host gave the hub no way to reach its lists. */
export function NoDataService(): React.ReactElement {
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>{strings.NoDataServiceTitle}</MessageBarTitle>
        {strings.NoDataServiceBody}
      </MessageBarBody>
    </MessageBar>
  );
}
