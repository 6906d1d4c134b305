// The hub's views as tabs, driven by the keyboard as the WAI-ARIA tabs pattern says a tab list is: one tab in
// the Tab order, the arrows and Home/End move between tabs, Enter or Space selects.
import * as React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NavTabs } from '../../src/ui/common/NavTabs';

const TABS = [
  { value: 'mine', label: 'My procurements' },
  { value: 'all', label: 'All procurements' },
  { value: 'verify', label: 'To verify' },
];

function Views(props: { initial: string; onSelect?: (value: string) => void }): React.ReactElement {
  const [selected, setSelected] = React.useState(props.initial);
  return (
    <>
      <button type="button">Before</button>
      <NavTabs
        tabs={TABS}
        selectedValue={selected}
        onSelect={(value) => {
          setSelected(value);
          props.onSelect?.(value);
        }}
      />
      <button type="button">After</button>
    </>
  );
}

const tab = (name: string): HTMLElement => screen.getByRole('tab', { name });

it('is one stop in the Tab order, on the selected tab', async () => {
  const user = userEvent.setup();
  render(<Views initial="all" />);
  expect(screen.getByRole('tablist')).toBeInTheDocument();
  expect(tab('All procurements')).toHaveAttribute('aria-selected', 'true');
  expect(tab('My procurements')).toHaveAttribute('aria-selected', 'false');
  screen.getByRole('button', { name: 'Before' }).focus();
  await user.tab();
  expect(tab('All procurements')).toHaveFocus();
  await user.tab();
  expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
  await user.tab({ shift: true });
  expect(tab('All procurements')).toHaveFocus();
});

it('moves focus with the arrows (round the ends) and Home/End, and selects only on Enter or Space', async () => {
  const user = userEvent.setup();
  const selected: string[] = [];
  render(<Views initial="mine" onSelect={(v) => selected.push(v)} />);
  tab('My procurements').focus();
  await user.keyboard('{ArrowRight}');
  expect(tab('All procurements')).toHaveFocus();
  expect(tab('My procurements')).toHaveAttribute('aria-selected', 'true');
  await user.keyboard('{ArrowRight}{ArrowRight}');
  expect(tab('My procurements')).toHaveFocus();
  await user.keyboard('{ArrowLeft}');
  expect(tab('To verify')).toHaveFocus();
  await user.keyboard('{Home}');
  expect(tab('My procurements')).toHaveFocus();
  await user.keyboard('{End}');
  expect(tab('To verify')).toHaveFocus();
  expect(selected).toEqual([]);
  await user.keyboard('{Enter}');
  expect(selected).toEqual(['verify']);
  expect(tab('To verify')).toHaveAttribute('aria-selected', 'true');
  await user.keyboard('{ArrowLeft} ');
  expect(selected).toEqual(['verify', 'all']);
});

it('with no view selected (a procurement open) the first tab is the one Tab reaches', async () => {
  const user = userEvent.setup();
  render(<Views initial="none" />);
  expect(screen.getAllByRole('tab').filter((t) => t.getAttribute('aria-selected') === 'true')).toHaveLength(0);
  screen.getByRole('button', { name: 'Before' }).focus();
  await user.tab();
  expect(tab('My procurements')).toHaveFocus();
});
