import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import { CURRENT_POLICY_EDITION, DEFAULT_THRESHOLD_TABLES, thresholdRowsFromTables } from '../../src/domain';
import type { ThresholdRow, ThresholdTable } from '../../src/domain';
import { SETTING_KEYS } from '../../src/domain';
import type { HubData, Stored } from '../../src/data/ports';
import type { EditionInForce } from '../../src/ui/editionInForce';
import { EditionInForceProvider, useEditionInForce } from '../../src/ui/editionInForce';
import { memoryHub } from '../support/memoryHubData';

/** Shows what the hook gives, and keeps the latest value for assertions. */
function probe(): { Probe: () => React.ReactElement; latest: () => EditionInForce } {
  let latest: EditionInForce | undefined;
  function Probe(): React.ReactElement {
    latest = useEditionInForce();
    return <p data-testid="edition">{latest.loading ? 'loading' : latest.error !== undefined ? 'error' : latest.edition.id}</p>;
  }
  return { Probe, latest: () => latest! };
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const TABLE_2028: ThresholdTable = {
  ...DEFAULT_THRESHOLD_TABLES[DEFAULT_THRESHOLD_TABLES.length - 1],
  id: 'uk-thresholds-2028-01-01',
  label: 'UK procurement thresholds from 2028-01-01',
  effectiveFrom: '2028-01-01',
  source: 'Threshold Amounts regulations 2027',
};

function storedRows(tables: readonly ThresholdTable[]): Stored<ThresholdRow>[] {
  return thresholdRowsFromTables(tables).map((r, i) => ({ ...r, id: i + 1, etag: '1' }));
}

describe('useEditionInForce', () => {
  it('outside the hub (no provider) decides under the built-in edition', () => {
    const { Probe, latest } = probe();
    render(<Probe />);
    expect(latest().edition).toBe(CURRENT_POLICY_EDITION);
    expect(latest().loading).toBe(false);
  });

  it('falls back to the built-in edition while the lists load, and when they hold nothing', async () => {
    const hub = memoryHub();
    const settings = deferred<Record<string, string>>();
    const rows = deferred<Stored<ThresholdRow>[]>();
    hub.data.settings = { ...hub.data.settings, all: () => settings.promise };
    hub.data.thresholds = { ...hub.data.thresholds, list: () => rows.promise };
    const { Probe, latest } = probe();
    render(
      <EditionInForceProvider data={hub.data}>
        <Probe />
      </EditionInForceProvider>,
    );
    // Children render at once, under the built-in edition, marked as still loading.
    expect(screen.getByTestId('edition')).toHaveTextContent('loading');
    expect(latest().edition).toBe(CURRENT_POLICY_EDITION);

    await act(async () => {
      settings.resolve({ [SETTING_KEYS.approverEmail]: 'daniel.hughes@svhub.example' });
      rows.resolve([]);
    });
    expect(screen.getByTestId('edition')).toHaveTextContent(CURRENT_POLICY_EDITION.id);
    expect(latest().edition).toEqual(CURRENT_POLICY_EDITION);
    expect(latest().error).toBeUndefined();
  });

  it('gives the saved edition once the lists answer, and the newer one after a reload', async () => {
    const hub = memoryHub();
    let tables: readonly ThresholdTable[] = DEFAULT_THRESHOLD_TABLES;
    hub.data.thresholds = { ...hub.data.thresholds, list: async () => storedRows(tables) };
    hub.settings.set(SETTING_KEYS.policyEdition, 'wmca-svp-2027');
    hub.settings.set(SETTING_KEYS.lightTouchLimitPence, '6000000');
    hub.settings.set(SETTING_KEYS.weightingMinPercent, '10');
    hub.settings.set(SETTING_KEYS.weightingMaxPercent, '25');
    const { Probe, latest } = probe();
    render(
      <EditionInForceProvider data={hub.data}>
        <Probe />
      </EditionInForceProvider>,
    );
    expect(await screen.findByText('wmca-svp-2027')).toBeInTheDocument();
    expect(latest().edition).toMatchObject({ id: 'wmca-svp-2027', lightTouchLimitPence: 6000000, weightingMinPercent: 10, weightingMaxPercent: 25 });
    expect(latest().edition.thresholdTables.map((t) => t.effectiveFrom)).toEqual(DEFAULT_THRESHOLD_TABLES.map((t) => t.effectiveFrom));

    tables = DEFAULT_THRESHOLD_TABLES.concat([TABLE_2028]);
    hub.settings.set(SETTING_KEYS.policyEdition, 'wmca-svp-2028');
    act(() => latest().reload());
    expect(await screen.findByText('wmca-svp-2028')).toBeInTheDocument();
    expect(latest().edition.thresholdTables.map((t) => t.effectiveFrom)).toContain('2028-01-01');
  });

  it('reports lists that cannot be read, or figures that make no sound edition, instead of guessing', async () => {
    const unreadable = memoryHub();
    unreadable.data.thresholds = { ...unreadable.data.thresholds, list: () => Promise.reject(new Error('The Thresholds list could not be reached.')) };
    const first = probe();
    const view = render(
      <EditionInForceProvider data={unreadable.data}>
        <first.Probe />
      </EditionInForceProvider>,
    );
    expect(await screen.findByText('error')).toBeInTheDocument();
    expect(String(first.latest().error)).toMatch(/could not be reached/);
    view.unmount();

    const unsound: HubData = memoryHub().data;
    await unsound.settings.set(SETTING_KEYS.weightingMinPercent, '40');
    const second = probe();
    render(
      <EditionInForceProvider data={unsound}>
        <second.Probe />
      </EditionInForceProvider>,
    );
    expect(await screen.findByText('error')).toBeInTheDocument();
    expect(String(second.latest().error)).toMatch(/minimum weighting \(40%\) is above the maximum \(30%\)/);
  });
});
