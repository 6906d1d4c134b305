// The hub's views as a row of tabs, drawn like Fluent's TabList with its tokens, without Fluent's TabList.
// Fluent's Tab focuses through tabster (its whole focus-management library, about a quarter of the first
// screen's download, issue 18) for one behaviour: the arrow keys move between tabs. The WAI-ARIA tabs
// pattern is a few lines of its own: one tab in the Tab order (the selected one), arrows and Home/End move
// focus, Enter or Space (a button's click) selects — manual activation, as Fluent's TabList does.
// https://www.w3.org/WAI/ARIA/apg/patterns/tabs/
import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

export interface NavTab {
  value: string;
  label: string;
}

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', minWidth: 0, maxWidth: '100%' },
  tab: {
    position: 'relative',
    display: 'inline-flex',
    flexDirection: 'column',
    alignItems: 'center',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalMNudge}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightRegular,
    cursor: 'pointer',
    ':hover': { color: tokens.colorNeutralForeground2Hover, backgroundColor: tokens.colorTransparentBackgroundHover },
    ':hover::after': { backgroundColor: tokens.colorNeutralStroke1Hover },
    ':active': { color: tokens.colorNeutralForeground2Pressed, backgroundColor: tokens.colorTransparentBackgroundPressed },
    // The line under the tab: the brand colour when selected, a neutral one on hover.
    '::after': {
      content: '""',
      position: 'absolute',
      left: tokens.spacingHorizontalMNudge,
      right: tokens.spacingHorizontalMNudge,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorTransparentStroke,
    },
    ':focus-visible': {
      outlineStyle: 'solid',
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: '-2px',
    },
    '@media (forced-colors: active)': { ':hover::after': { backgroundColor: 'Highlight' } },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { color: tokens.colorNeutralForeground1Hover },
    '::after': { backgroundColor: tokens.colorCompoundBrandStroke },
    ':hover::after': { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    '@media (forced-colors: active)': { '::after': { backgroundColor: 'Highlight' } },
  },
  // The label's bold width is reserved, so selecting a tab never shifts the ones after it.
  reserve: {
    height: 0,
    overflow: 'hidden',
    visibility: 'hidden',
    fontWeight: tokens.fontWeightSemibold,
  },
});

export function NavTabs(props: {
  tabs: readonly NavTab[];
  /** The selected tab's value; a value no tab has selects none (the first tab is then the one Tab reaches). */
  selectedValue: string;
  onSelect: (value: string) => void;
  className?: string;
}): React.ReactElement {
  const styles = useStyles();
  const { tabs, selectedValue, onSelect } = props;
  const list = React.useRef<HTMLDivElement>(null);
  const selectedIndex = tabs.findIndex((t) => t.value === selectedValue);
  const [focusIndex, setFocusIndex] = React.useState(-1);
  // The tab the Tab key lands on: the one last focused with the arrows while focus is in the list, else the selected one.
  const reachable = focusIndex >= 0 && focusIndex < tabs.length ? focusIndex : Math.max(selectedIndex, 0);

  const moveTo = (index: number): void => {
    const count = tabs.length;
    const next = ((index % count) + count) % count;
    setFocusIndex(next);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  };
  const onKeyDown = (event: React.KeyboardEvent, index: number): void => {
    const moves: Record<string, () => number> = {
      ArrowRight: () => index + 1,
      ArrowDown: () => index + 1,
      ArrowLeft: () => index - 1,
      ArrowUp: () => index - 1,
      Home: () => 0,
      End: () => tabs.length - 1,
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    moveTo(move());
  };

  return (
    <div
      ref={list}
      role="tablist"
      aria-orientation="horizontal"
      className={mergeClasses(styles.list, props.className)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocusIndex(-1);
      }}
    >
      {tabs.map((tab, index) => {
        const selected = index === selectedIndex;
        return (
          <button
            key={tab.value}
            type="button"
            role="tab"
            aria-selected={selected}
            tabIndex={index === reachable ? 0 : -1}
            className={mergeClasses(styles.tab, selected && styles.selected)}
            onClick={() => {
              setFocusIndex(index);
              onSelect(tab.value);
            }}
            onKeyDown={(e) => onKeyDown(e, index)}
          >
            <span>{tab.label}</span>
            <span className={styles.reserve} aria-hidden="true">
              {tab.label}
            </span>
          </button>
        );
      })}
    </div>
  );
}
