// The Social Value Dashboard: committed vs delivered by theme (all six, with each theme's share — never only
// one grand total), by quarter, authority and supplier; SME/VCSE share of awarded value; top successes;
// at-risk commitments; and the member report workbook with the same figures. Reads rollups, not every log.
import * as React from 'react';
import * as strings from 'SocialValueHubStrings';
import {
  Badge,
  Button,
  Field,
  Select,
  Spinner,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { seriesColors } from '../theme';
import { ResponsiveTable } from '../common/ResponsiveTable';
import { addMonths, formatLongDate, formatPounds, formatThousandths, isoDateFromDate, thousandthsNumber, periodFor, periodsBetween, themeById, SUPPLIER_KINDS } from '../../domain';
import type { MeasureFigure, UnitFigure } from '../../domain';
import { AuthorityOptions } from '../common/AuthorityOptions';
import type { IsoDate } from '../../domain';
import type { DashboardFigures, DashboardFilters, SupplierKind } from '../../domain';
import { loadDashboard } from '../../app/dashboard';
import type { DashboardSource } from '../../app/dashboard';
import { MEMBER_REPORT_MEDIA_TYPE, buildMemberReport, memberReportFileName } from '../../documents/memberReport';
import { ErrorNotice } from '../common/ErrorNotice';
import { authorityName, quantityText } from '../common/labels';
import { saveFile } from '../common/download';
import { useAsync } from '../common/useAsync';
import { format } from '../../loc/format';
import { BarChart } from './BarChart';

export interface DashboardProps {
  data: DashboardSource;
  /** Today's date (tests fix it); defaults to the real one. */
  today?: IsoDate;
  /** Saves the member report (tests capture it); defaults to a browser download. */
  onSaveFile?: (bytes: Uint8Array, fileName: string, mediaType: string) => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '16px', padding: '8px 0' },
  // Each field from the top: the labels on one line, whatever hint or message a field has under its drop-down.
  filters: { display: 'flex', gap: '16px', flexWrap: 'wrap', alignItems: 'flex-start' },
  headline: { display: 'flex', gap: '24px', flexWrap: 'wrap' },
  figure: { display: 'flex', flexDirection: 'column', padding: '8px 12px', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  number: { textAlign: 'right' },
  note: { color: tokens.colorNeutralForeground2 },
});

/**
 * Series colours: Fluent tokens, so each follows the Teams theme, with at least 3:1 contrast against the page
 * in light (5.4, 6.1, 6.3) and dark (4.6, 11.4, 5.3); high contrast gives cyan, yellow and green (see ../theme).
 */
const COMMITTED = tokens.colorCompoundBrandForeground1;
const REPORTED = seriesColors.reported;
const VERIFIED = seriesColors.verified;

const S = strings.Dashboard;
const SUPPLIER_KIND_LABELS: Record<SupplierKind, string> = { sme: S.SupplierSme, vcse: S.SupplierVcse, 'sme-or-vcse': S.SupplierSmeOrVcse };

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
    [props.data, filters.fromPeriodId, filters.toPeriodId, filters.authorityId, filters.supplierKind],
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
        {S.Title}
      </Text>
      <div className={styles.filters} role="group" aria-label={S.Filters}>
        <Field label={S.FromQuarter} validationMessage={rangeError ? S.RangeError : undefined}>
          <Select value={filters.fromPeriodId} onChange={(e, d) => setFilters({ ...filters, fromPeriodId: d.value })}>
            {quarters.map((q) => (
              <option key={q.id} value={q.id}>
                {q.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={S.ToQuarter}>
          <Select value={filters.toPeriodId} onChange={(e, d) => setFilters({ ...filters, toPeriodId: d.value })}>
            {quarters.map((q) => (
              <option key={q.id} value={q.id}>
                {q.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={S.Authority}>
          <Select value={filters.authorityId || ''} onChange={(e, d) => setFilters({ ...filters, authorityId: d.value || undefined })}>
            <option value="">{S.AllAuthorities}</option>
            <AuthorityOptions />
          </Select>
        </Field>
        <Field label={S.Supplier} hint={S.SupplierHint}>
          <Select value={filters.supplierKind || ''} onChange={(e, d) => setFilters({ ...filters, supplierKind: (d.value || undefined) as SupplierKind | undefined })}>
            <option value="">{S.AllSuppliers}</option>
            {SUPPLIER_KINDS.map((k) => (
              <option key={k} value={k}>
                {SUPPLIER_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {/* Not a filter: below the filters at every width (beside them, it sat level with neither labels nor drop-downs). */}
      {f && (
        <div>
          <Button appearance="primary" disabled={exporting.busy} onClick={() => exportReport(f)}>
            {exporting.busy ? S.Preparing : S.Download}
          </Button>
        </div>
      )}
      <div aria-live="polite">
        {exporting.done && <Text>{format(S.ReportReady, exporting.done)}</Text>}
        {exporting.error !== undefined && <ErrorNotice title={S.ReportFailed} error={exporting.error} />}
      </div>
      {state.loading && <Spinner label={S.Loading} />}
      {state.error !== undefined && <ErrorNotice title={S.LoadFailed} error={state.error} onRetry={state.reload} />}
      {f && !state.loading && <Figures figures={f} />}
    </section>
  );
}

function Figures({ figures: f }: { figures: DashboardFigures }): React.ReactElement {
  const styles = useStyles();
  const empty = f.byProcurement.length === 0;
  return (
    <>
      <Text className={styles.note}>{S.CountingNote}</Text>
      {f.figuresChangedOn && <Text className={styles.note}>{format(S.FiguresAsAt, formatLongDate(f.figuresChangedOn))}</Text>}
      <div className={styles.headline} data-testid="headline">
        <div className={styles.figure}>
          <Text>{S.Committed}</Text>
          <Text size={500} weight="semibold">{formatPounds(f.totals.committedPence)}</Text>
        </div>
        <div className={styles.figure}>
          <Text>{S.Reported}</Text>
          <Text size={500} weight="semibold">{formatPounds(f.totals.reportedPence)}</Text>
        </div>
        <div className={styles.figure}>
          <Text>{S.Verified}</Text>
          <Text size={500} weight="semibold">{formatPounds(f.totals.verifiedPence)}</Text>
          <Text size={200}>{format(S.OfCommitted, pct(f.totals.deliveredPercent))}</Text>
        </div>
      </div>
      {empty && <Text>{S.Empty}</Text>}

      <BarChart
        id="svh-themes"
        title={S.ThemesTitle}
        rowHeader={S.Theme}
        series={[
          { name: S.Committed, color: COMMITTED },
          { name: S.Reported, color: REPORTED },
          { name: S.Verified, color: VERIFIED },
        ]}
        extraHeaders={[S.ShareOfCommitted, S.ShareOfVerified, S.DeliveredPercent, S.OutcomesDelivered]}
        rows={f.themes.map((t) => ({
          label: t.label,
          values: [t.committedPence, t.reportedPence, t.verifiedPence],
          extra: [tenths(t.committedShareTenths), tenths(t.verifiedShareTenths), pct(t.deliveredPercent), outcomesText(t.quantities)],
        }))}
      />

      <section aria-labelledby="svh-measures">
        <Text as="h3" block size={400} weight="semibold" id="svh-measures">
          {S.MeasuresTitle}
        </Text>
        <Text block className={styles.note}>
          {S.MeasuresNote}
        </Text>
        {f.measures.length === 0 ? (
          <Text>{S.NoMeasures}</Text>
        ) : (
          <ResponsiveTable size="small" aria-labelledby="svh-measures">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{S.Measure}</TableHeaderCell>
                <TableHeaderCell>{S.Theme}</TableHeaderCell>
                <TableHeaderCell>{S.CommittedQuantity}</TableHeaderCell>
                <TableHeaderCell>{S.VerifiedQuantity}</TableHeaderCell>
                <TableHeaderCell>{S.ReportedQuantity}</TableHeaderCell>
                <TableHeaderCell>{S.DeliveredPercent}</TableHeaderCell>
                <TableHeaderCell>{S.Contracts}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {f.measures.map((m) => (
                <TableRow key={`${m.measureCode}|${m.unit}`}>
                  <TableCell>{measureName(m)}</TableCell>
                  <TableCell>{themeById(m.themeId).label}</TableCell>
                  <TableCell className={styles.number}>{formatThousandths(m.committedThousandths, m.unit)}</TableCell>
                  <TableCell className={styles.number}>{formatThousandths(m.verifiedThousandths, m.unit)}</TableCell>
                  <TableCell className={styles.number}>{formatThousandths(m.reportedThousandths, m.unit)}</TableCell>
                  <TableCell className={styles.number}>{pct(m.deliveredPercent)}</TableCell>
                  <TableCell className={styles.number}>{m.procurements}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ResponsiveTable>
        )}
      </section>

      <BarChart
        id="svh-quarters"
        title={S.QuartersTitle}
        rowHeader={S.Quarter}
        series={[
          { name: S.Committed, color: COMMITTED },
          { name: S.Verified, color: VERIFIED },
        ]}
        extraHeaders={[S.CommittedToDate, S.VerifiedToDate]}
        rows={f.overTime.map((p) => ({
          label: p.periodId,
          values: [p.committedPence, p.verifiedPence],
          extra: [formatPounds(p.cumulativeCommittedPence), formatPounds(p.cumulativeVerifiedPence)],
        }))}
      />

      <BarChart
        id="svh-authorities"
        title={S.AuthoritiesTitle}
        rowHeader={S.Authority}
        series={[
          { name: S.Committed, color: COMMITTED },
          { name: S.Verified, color: VERIFIED },
        ]}
        extraHeaders={[S.Reported, S.DeliveredPercent, S.OutcomesDelivered]}
        rows={f.byAuthority.map((a) => ({
          label: a.name,
          values: [a.committedPence, a.verifiedPence],
          extra: [formatPounds(a.reportedPence), pct(a.deliveredPercent), outcomesText(a.quantities)],
        }))}
      />

      <BarChart
        id="svh-suppliers"
        title={S.SuppliersTitle}
        rowHeader={S.Supplier}
        series={[
          { name: S.Committed, color: COMMITTED },
          { name: S.Verified, color: VERIFIED },
        ]}
        extraHeaders={[S.Contracts, S.DeliveredPercent, S.OutcomesDelivered]}
        rows={f.bySupplier.slice(0, 10).map((s) => ({
          label: s.supplierName,
          values: [s.committedPence, s.verifiedPence],
          extra: [String(s.procurements), pct(s.deliveredPercent), outcomesText(s.quantities)],
        }))}
      />

      <section aria-labelledby="svh-sme">
        <Text as="h3" size={400} weight="semibold" id="svh-sme">
          {S.SmeTitle}
        </Text>
        <ResponsiveTable size="small" aria-labelledby="svh-sme">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{S.Suppliers}</TableHeaderCell>
              <TableHeaderCell>{S.Awarded}</TableHeaderCell>
              <TableHeaderCell>{S.ShareOfAwarded}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {[
              [S.Sme, f.awarded.smePence, f.awarded.smePercent],
              [S.Vcse, f.awarded.vcsePence, f.awarded.vcsePercent],
              [S.SmeOrVcse, f.awarded.smeOrVcsePence, f.awarded.smeOrVcsePercent],
              [S.Local, f.awarded.localPence, f.awarded.localPercent],
              [format(S.AllAwarded, f.awarded.contracts), f.awarded.awardedPence, undefined],
            ].map(([label, pence, share]) => (
              <TableRow key={String(label)}>
                <TableCell>{String(label)}</TableCell>
                <TableCell className={styles.number}>{formatPounds(pence as number)}</TableCell>
                <TableCell className={styles.number}>{pct(share as number | undefined)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ResponsiveTable>
      </section>

      <section aria-labelledby="svh-top">
        <Text as="h3" size={400} weight="semibold" id="svh-top">
          {S.TopTitle}
        </Text>
        {f.topSuccesses.length === 0 ? (
          <Text>{S.NoTop}</Text>
        ) : (
          <ResponsiveTable size="small" aria-labelledby="svh-top">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{S.Procurement}</TableHeaderCell>
                <TableHeaderCell>{S.Authority}</TableHeaderCell>
                <TableHeaderCell>{S.Supplier}</TableHeaderCell>
                <TableHeaderCell>{S.Verified}</TableHeaderCell>
                <TableHeaderCell>{S.DeliveredPercent}</TableHeaderCell>
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
          </ResponsiveTable>
        )}
      </section>

      <section aria-labelledby="svh-risk">
        <Text as="h3" size={400} weight="semibold" id="svh-risk">
          {format(S.AtRiskTitle, f.atRisk.length)}
        </Text>
        <Text as="p" block size={200}>
          {S.AtRiskAsAt}
        </Text>
        {f.atRisk.length === 0 ? (
          <Text>{S.NoAtRisk}</Text>
        ) : (
          <ResponsiveTable size="small" aria-labelledby="svh-risk">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{S.Status}</TableHeaderCell>
                <TableHeaderCell>{S.Procurement}</TableHeaderCell>
                <TableHeaderCell>{S.Measure}</TableHeaderCell>
                <TableHeaderCell>{S.Theme}</TableHeaderCell>
                <TableHeaderCell>{S.VerifiedOfTarget}</TableHeaderCell>
                <TableHeaderCell>{S.Due}</TableHeaderCell>
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
                  <TableCell>{measureName(c)}</TableCell>
                  <TableCell>{c.themeId ? themeById(c.themeId).label : '—'}</TableCell>
                  <TableCell>{format(S.OfTarget, quantityText(c.verifiedQuantity ?? 0, c.unit), quantityText(c.targetQuantity, c.unit))}</TableCell>
                  <TableCell>{formatLongDate(c.dueDate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ResponsiveTable>
        )}
        {f.atRisk.length > 50 && <Text>{format(S.ShowingFirst, f.atRisk.length)}</Text>}
      </section>
    </>
  );
}

/** A theme's verified quantities against its committed ones, one unit at a time: "37.5 of 52 FTE · 26 of 52 weeks". */
function outcomesText(quantities: readonly UnitFigure[]): string {
  const shown = quantities.filter((q) => q.committedThousandths > 0 || q.verifiedThousandths > 0);
  if (shown.length === 0) return S.NoQuantities;
  return shown.map((q) => format(S.QuantityOf, q.unit === '£ spend' ? formatThousandths(q.verifiedThousandths, q.unit) : thousandthsNumber(q.verifiedThousandths, q.unit), formatThousandths(q.committedThousandths, q.unit))).join(' · ');
}

/** "GSE-01 Local people employed on the contract": the site library's words for the measures it has, the code otherwise. */
function measureName(m: Pick<MeasureFigure, 'measureCode' | 'text'>): string {
  return m.text ? `${m.measureCode} ${m.text}` : m.measureCode;
}
