// The Social Value Dashboard: committed vs delivered by theme (all six, with each theme's share — never only
// one grand total), by quarter, authority and supplier; SME/VCSE share of awarded value; top successes;
// at-risk commitments; and the member report workbook with the same figures. Reads rollups, not every log.
import * as React from 'react';
import {
  Badge,
  Button,
  Field,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AUTHORITIES, addMonths, formatLongDate, formatPounds, isoDateFromDate, periodFor, periodsBetween, themeById } from '../../domain';
import type { IsoDate } from '../../domain';
import type { HubData } from '../../data/ports';
import type { DashboardFigures, DashboardFilters } from '../../reporting';
import { MEMBER_REPORT_MEDIA_TYPE, buildMemberReport, loadDashboard, memberReportFileName } from '../../reporting';
import { ErrorNotice } from '../common/ErrorNotice';
import { authorityName } from '../common/labels';
import { saveFile } from '../common/download';
import { useAsync } from '../common/useAsync';
import { BarChart } from './BarChart';

export interface DashboardProps {
  data: Pick<HubData, 'rollups' | 'procurements' | 'commitments'>;
  /** Today's date (tests fix it); defaults to the real one. */
  today?: IsoDate;
  /** Saves the member report (tests capture it); defaults to a browser download. */
  onSaveFile?: (bytes: Uint8Array, fileName: string, mediaType: string) => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '16px', padding: '8px 0' },
  filters: { display: 'flex', gap: '16px', flexWrap: 'wrap', alignItems: 'flex-end' },
  headline: { display: 'flex', gap: '24px', flexWrap: 'wrap' },
  figure: { display: 'flex', flexDirection: 'column', padding: '8px 12px', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  number: { textAlign: 'right' },
  note: { color: tokens.colorNeutralForeground2 },
});

/** Series colours with at least 3:1 contrast against white and each other's neighbours. */
const COMMITTED = '#5b5fc7';
const REPORTED = '#c19c00';
const VERIFIED = '#107c10';

const pct = (p: number | undefined): string => (p === undefined ? '—' : `${p.toFixed(1)}%`);
const tenths = (t: number): string => `${(t / 10).toFixed(1)}%`;

export function Dashboard(props: DashboardProps): React.ReactElement {
  const styles = useStyles();
  const today = props.today || isoDateFromDate(new Date());
  const current = periodFor(today);
  const quarters = React.useMemo(() => periodsBetween(addMonths(today, -48), addMonths(today, 12)), [today]);
  const [filters, setFilters] = React.useState<DashboardFilters>(() => ({
    fromPeriodId: periodFor(addMonths(current.start, -9)).id,
    toPeriodId: current.id,
    authorityId: undefined,
  }));
  const rangeError = quarters.findIndex((q) => q.id === filters.fromPeriodId) > quarters.findIndex((q) => q.id === filters.toPeriodId);
  const state = useAsync(
    () => (rangeError ? Promise.resolve(undefined) : loadDashboard(props.data, filters)),
    [props.data, filters.fromPeriodId, filters.toPeriodId, filters.authorityId],
  );
  const [exporting, setExporting] = React.useState<{ busy: boolean; error?: unknown; done?: string }>({ busy: false });

  const exportReport = async (figures: DashboardFigures): Promise<void> => {
    setExporting({ busy: true });
    try {
      const bytes = await buildMemberReport(figures, formatLongDate(today));
      const name = memberReportFileName(figures);
      (props.onSaveFile || saveFile)(bytes, name, MEMBER_REPORT_MEDIA_TYPE);
      setExporting({ busy: false, done: name });
    } catch (e) {
      setExporting({ busy: false, error: e });
    }
  };

  const f = state.value;
  return (
    <section className={styles.root} aria-labelledby="svh-dashboard-title">
      <Text as="h2" size={600} weight="semibold" id="svh-dashboard-title">
        Social Value Dashboard
      </Text>
      <div className={styles.filters} role="group" aria-label="Filters">
        <Field label="From quarter" validationMessage={rangeError ? 'The first quarter must not be after the last.' : undefined}>
          <Select value={filters.fromPeriodId} onChange={(e, d) => setFilters({ ...filters, fromPeriodId: d.value })}>
            {quarters.map((q) => (
              <option key={q.id} value={q.id}>
                {q.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="To quarter">
          <Select value={filters.toPeriodId} onChange={(e, d) => setFilters({ ...filters, toPeriodId: d.value })}>
            {quarters.map((q) => (
              <option key={q.id} value={q.id}>
                {q.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Authority">
          <Select value={filters.authorityId || ''} onChange={(e, d) => setFilters({ ...filters, authorityId: d.value || undefined })}>
            <option value="">All authorities</option>
            {AUTHORITIES.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </Field>
        {f && (
          <Button appearance="primary" disabled={exporting.busy} onClick={() => exportReport(f)}>
            {exporting.busy ? 'Preparing the member report…' : 'Download member report (Excel)'}
          </Button>
        )}
      </div>
      <div aria-live="polite">
        {exporting.done && <Text>Member report ready: {exporting.done}</Text>}
        {exporting.error !== undefined && <ErrorNotice title="The member report could not be made" error={exporting.error} />}
      </div>
      {state.loading && <Spinner label="Loading the dashboard…" />}
      {state.error !== undefined && <ErrorNotice title="The dashboard could not be loaded" error={state.error} onRetry={state.reload} />}
      {f && !state.loading && <Figures figures={f} />}
    </section>
  );
}

function Figures({ figures: f }: { figures: DashboardFigures }): React.ReactElement {
  const styles = useStyles();
  const empty = f.byProcurement.length === 0;
  return (
    <>
      <Text className={styles.note}>
        Committed is the part of each commitment’s value expected in these quarters. Only outcomes an officer has verified count as delivered; reported
        outcomes awaiting verification are shown apart. Rejected outcomes never count.
      </Text>
      <div className={styles.headline} data-testid="headline">
        <div className={styles.figure}>
          <Text>Committed</Text>
          <Text size={500} weight="semibold">{formatPounds(f.totals.committedPence)}</Text>
        </div>
        <div className={styles.figure}>
          <Text>Reported, awaiting verification</Text>
          <Text size={500} weight="semibold">{formatPounds(f.totals.reportedPence)}</Text>
        </div>
        <div className={styles.figure}>
          <Text>Verified delivered</Text>
          <Text size={500} weight="semibold">{formatPounds(f.totals.verifiedPence)}</Text>
          <Text size={200}>{pct(f.totals.deliveredPercent)} of committed</Text>
        </div>
      </div>
      {empty && <Text>No social value was committed or reported in these quarters.</Text>}

      <BarChart
        id="svh-themes"
        title="By theme: committed and delivered, with each theme’s share"
        rowHeader="Theme"
        series={[
          { name: 'Committed', color: COMMITTED },
          { name: 'Reported, awaiting verification', color: REPORTED },
          { name: 'Verified delivered', color: VERIFIED },
        ]}
        extraHeaders={['Share of committed', 'Share of verified', 'Delivered (% of committed)']}
        rows={f.themes.map((t) => ({
          label: t.label,
          values: [t.committedPence, t.reportedPence, t.verifiedPence],
          extra: [tenths(t.committedShareTenths), tenths(t.verifiedShareTenths), pct(t.deliveredPercent)],
        }))}
      />

      <BarChart
        id="svh-quarters"
        title="Committed vs delivered by quarter"
        rowHeader="Quarter"
        series={[
          { name: 'Committed', color: COMMITTED },
          { name: 'Verified delivered', color: VERIFIED },
        ]}
        extraHeaders={['Committed to date', 'Verified to date']}
        rows={f.overTime.map((p) => ({
          label: p.periodId,
          values: [p.committedPence, p.verifiedPence],
          extra: [formatPounds(p.cumulativeCommittedPence), formatPounds(p.cumulativeVerifiedPence)],
        }))}
      />

      <BarChart
        id="svh-authorities"
        title="By authority"
        rowHeader="Authority"
        series={[
          { name: 'Committed', color: COMMITTED },
          { name: 'Verified delivered', color: VERIFIED },
        ]}
        extraHeaders={['Reported, awaiting verification', 'Delivered (% of committed)']}
        rows={f.byAuthority.map((a) => ({ label: a.name, values: [a.committedPence, a.verifiedPence], extra: [formatPounds(a.reportedPence), pct(a.deliveredPercent)] }))}
      />

      <BarChart
        id="svh-suppliers"
        title="By supplier (the ten with most verified delivery)"
        rowHeader="Supplier"
        series={[
          { name: 'Committed', color: COMMITTED },
          { name: 'Verified delivered', color: VERIFIED },
        ]}
        extraHeaders={['Contracts', 'Delivered (% of committed)']}
        rows={f.bySupplier.slice(0, 10).map((s) => ({ label: s.supplierName, values: [s.committedPence, s.verifiedPence], extra: [String(s.procurements), pct(s.deliveredPercent)] }))}
      />

      <section aria-labelledby="svh-sme">
        <Text as="h3" size={400} weight="semibold" id="svh-sme">
          SME and VCSE share of awarded value
        </Text>
        <Table size="small" aria-labelledby="svh-sme">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Suppliers</TableHeaderCell>
              <TableHeaderCell>Awarded</TableHeaderCell>
              <TableHeaderCell>Share of awarded value</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {[
              ['SME', f.awarded.smePence, f.awarded.smePercent],
              ['VCSE', f.awarded.vcsePence, f.awarded.vcsePercent],
              ['SME or VCSE', f.awarded.smeOrVcsePence, f.awarded.smeOrVcsePercent],
              ['Based in the West Midlands', f.awarded.localPence, f.awarded.localPercent],
              [`All awarded (${f.awarded.contracts} contracts starting in these quarters)`, f.awarded.awardedPence, undefined],
            ].map(([label, pence, share]) => (
              <TableRow key={String(label)}>
                <TableCell>{String(label)}</TableCell>
                <TableCell className={styles.number}>{formatPounds(pence as number)}</TableCell>
                <TableCell className={styles.number}>{pct(share as number | undefined)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <section aria-labelledby="svh-top">
        <Text as="h3" size={400} weight="semibold" id="svh-top">
          Top successes
        </Text>
        {f.topSuccesses.length === 0 ? (
          <Text>No verified delivery yet in these quarters.</Text>
        ) : (
          <Table size="small" aria-labelledby="svh-top">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Procurement</TableHeaderCell>
                <TableHeaderCell>Authority</TableHeaderCell>
                <TableHeaderCell>Supplier</TableHeaderCell>
                <TableHeaderCell>Verified delivered</TableHeaderCell>
                <TableHeaderCell>Delivered (% of committed)</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {f.topSuccesses.map((p) => (
                <TableRow key={p.reference}>
                  <TableCell>{p.reference}</TableCell>
                  <TableCell>{authorityName(p.authorityId)}</TableCell>
                  <TableCell>{p.supplierName || '—'}</TableCell>
                  <TableCell className={styles.number}>{formatPounds(p.verifiedPence)}</TableCell>
                  <TableCell className={styles.number}>{pct(p.deliveredPercent)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="svh-risk">
        <Text as="h3" size={400} weight="semibold" id="svh-risk">
          At-risk commitments ({f.atRisk.length})
        </Text>
        {f.atRisk.length === 0 ? (
          <Text>No commitment is Red or Amber.</Text>
        ) : (
          <Table size="small" aria-labelledby="svh-risk">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Procurement</TableHeaderCell>
                <TableHeaderCell>Measure</TableHeaderCell>
                <TableHeaderCell>Theme</TableHeaderCell>
                <TableHeaderCell>Verified of target</TableHeaderCell>
                <TableHeaderCell>Due</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {f.atRisk.slice(0, 50).map((c) => (
                <TableRow key={`${c.procurementReference}|${c.measureCode}`}>
                  <TableCell>
                    <Badge appearance="filled" color={c.rag === 'Red' ? 'danger' : 'warning'}>
                      {c.rag}
                    </Badge>
                  </TableCell>
                  <TableCell>{c.procurementReference}</TableCell>
                  <TableCell>{c.measureCode}</TableCell>
                  <TableCell>{c.themeId ? themeById(c.themeId).label : '—'}</TableCell>
                  <TableCell>
                    {c.verifiedQuantity ?? 0} of {c.targetQuantity} {c.unit}
                  </TableCell>
                  <TableCell>{formatLongDate(c.dueDate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {f.atRisk.length > 50 && <Text>Showing the first 50 of {f.atRisk.length}; the Commitments list’s views show them all.</Text>}
      </section>
    </>
  );
}

