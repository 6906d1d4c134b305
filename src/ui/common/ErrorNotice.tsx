// What failed, in words a person can act on, with a retry. Drawn as Fluent's error MessageBar is (its tokens,
// an error mark) but without it: an error notice must show when the network is what failed, so it travels with the
// screens that may need it, and Fluent's MessageBar (its reflow observer, motion and actions) would add to
// every first screen's download for a notice most people never see (issue 18).
import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import { isDataError } from '../../app/hubData';

/** Words a person can act on, whatever failed. */
export function errorMessage(error: unknown): string {
  if (isDataError(error)) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return strings.Common.SomethingWentWrong;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalMNudge} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorStatusDangerBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    boxSizing: 'border-box',
  },
  icon: { flexShrink: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase300, color: tokens.colorStatusDangerForeground1, display: 'flex' },
  body: { flexGrow: 1, flexBasis: '12rem', minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalS },
});

export function ErrorNotice(props: { title: string; error: unknown; onRetry?: () => void }): React.ReactElement {
  const styles = useStyles();
  return (
    <div role="alert" className={styles.root}>
      <span className={styles.icon}>
        <svg width="1em" height="1em" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <circle cx="10" cy="10" r="8" fill="currentColor" />
          <path d="M7 7l6 6M13 7l-6 6" stroke={tokens.colorNeutralBackground1} strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </span>
      <div className={styles.body}>
        <span className={styles.title}>{props.title}</span>
        {errorMessage(props.error)}
      </div>
      {props.onRetry && <Button onClick={props.onRetry}>{strings.Common.TryAgain}</Button>}
    </div>
  );
}
