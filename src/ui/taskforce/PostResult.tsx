import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import type { PostCardResult } from '../../app/taskforceChannel';
import { format } from '../../loc/format';

/** What happened to a post, in words: posted (or already), held by someone else, or failed and why. */
export function PostResult({ result, posted, alreadyPosted }: { result?: PostCardResult; posted: string; alreadyPosted: string }): React.ReactElement {
  return (
    <div aria-live="polite">
      {result?.status === 'posted' && (
        <MessageBar intent="success">
          <MessageBarBody>{result.alreadyPosted ? alreadyPosted : posted}</MessageBarBody>
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
  );
}
