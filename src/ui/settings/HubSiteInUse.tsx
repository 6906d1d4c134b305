import * as React from 'react';
import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import type { HubSite } from '../../app/hubSite';
import { format } from '../../loc/format';

const SOURCE_TEXT: Record<HubSite['source'], string> = {
  'web-part': strings.Settings.HubSiteFromWebPart,
  tenant: strings.Settings.HubSiteFromTenant,
  host: strings.Settings.HubSiteFromHost,
};

/** Which site holds the hub's lists and where that came from (src/app/hubSite.ts): anyone may see it. */
export function HubSiteInUse({ site }: { site: HubSite }): React.ReactElement {
  const problem = site.tenantProblem;
  return (
    <section aria-labelledby="hub-site-heading">
      <h3 id="hub-site-heading">{strings.Settings.HubSiteHeading}</h3>
      <Text as="p" block>
        {format(strings.Settings.HubSiteInUse, site.url)}
      </Text>
      <Text as="p" block>
        {SOURCE_TEXT[site.source]}
      </Text>
      {problem && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {problem.kind === 'not-a-site-url' ? format(strings.Settings.HubSiteTenantNotUrl, problem.value) : format(strings.Settings.HubSiteTenantUnreadable, problem.message)}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
