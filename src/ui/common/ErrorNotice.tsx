import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import { isDataError } from '../../app/hubData';

/** Words a person can act on, whatever failed. */
export function errorMessage(error: unknown): string {
  if (isDataError(error)) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return strings.Common.SomethingWentWrong;
}

export function ErrorNotice(props: { title: string; error: unknown; onRetry?: () => void }): React.ReactElement {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        {errorMessage(props.error)}
      </MessageBarBody>
      {props.onRetry && (
        <MessageBarActions>
          <Button onClick={props.onRetry}>{strings.Common.TryAgain}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
