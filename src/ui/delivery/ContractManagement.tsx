// Contract management on an awarded procurement, where section 52 of the Procurement Act 2023 applies or KPIs
// were set: each KPI with the hub's delivery figures and its latest rating, when the next assessment is due,
// recording an assessment, the notices' identifiers, and the contract performance notice to copy.
import * as React from 'react';
import * as strings from 'SocialValueHubStrings';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CONTRACT_PERFORMANCE_RATINGS, PolicyInputError, kpiDutyForProcurement } from '../../domain';
import type { ContractPerformanceRating, FieldError, IsoDate, Procurement } from '../../domain';
import type { Stored } from '../../app/hubData';
import type { HubData } from '../../app/hubData';
import { loadContractManagement, recordKpiAssessment, saveNoticeIdentifiers } from '../../app/contractManagement';
import { refusedFields } from '../../app/outcomes';
import { ErrorNotice } from '../common/ErrorNotice';
import { fieldState } from '../common/FieldErrors';
import { longDate } from '../common/labels';
import { ResponsiveTable } from '../common/ResponsiveTable';
import { useAction } from '../common/useAction';
import { useAsync } from '../common/useAsync';
import { format } from '../../loc/format';

const S = strings.Contract;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  notice: { fontFamily: tokens.fontFamilyMonospace, width: '100%' },
});

export interface ContractManagementProps {
  data: HubData;
  procurement: Stored<Procurement>;
  asOf: IsoDate;
  readOnly?: boolean;
  /** The procurement record changed (identifiers saved): reload it. */
  onChanged: () => void;
}

const EMPTY_ASSESSMENT = { kpiName: '', periodStart: '', periodEnd: '', rating: '', note: '' };

function dutyApplies(p: Procurement): boolean {
  try {
    return kpiDutyForProcurement(p).applies;
  } catch (e) {
    // A record the duty cannot be judged on (a hand-edited contract type): the procurement page says what is wrong.
    if (e instanceof PolicyInputError) return false;
    throw e;
  }
}

/** Shown where section 52 applies or KPIs (or the reason for none) are on record; nothing is read otherwise. */
export function ContractManagement(props: ContractManagementProps): React.ReactElement {
  const p = props.procurement;
  if (!p.kpis && !p.kpisNotAppropriateReason && !dutyApplies(p)) return <></>;
  return <ContractManagementSection {...props} />;
}

function ContractManagementSection({ data, procurement: p, asOf, readOnly, onChanged }: ContractManagementProps): React.ReactElement {
  const styles = useStyles();
  const loaded = useAsync(() => loadContractManagement(data, p, asOf), [data, p.reference, p.etag, asOf]);
  const [form, setForm] = React.useState(EMPTY_ASSESSMENT);
  const [saved, setSaved] = React.useState<string | undefined>(undefined);
  const assessing = useAction();
  const [ids, setIds] = React.useState({ tenderNoticeId: p.tenderNoticeId ?? '', contractDetailsNoticeId: p.contractDetailsNoticeId ?? '' });
  React.useEffect(() => setIds({ tenderNoticeId: p.tenderNoticeId ?? '', contractDetailsNoticeId: p.contractDetailsNoticeId ?? '' }), [p.tenderNoticeId, p.contractDetailsNoticeId]);
  const identifying = useAction();
  const [copied, setCopied] = React.useState(false);

  if (loaded.error !== undefined) return <ErrorNotice title={S.LoadFailed} error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.value) return <Spinner label={S.Loading} />;
  const cm = loaded.value;

  const assess = async (): Promise<void> => {
    setSaved(undefined);
    const input = { ...form, rating: form.rating as ContractPerformanceRating };
    const done = await assessing.run(() => recordKpiAssessment(data, p, input));
    if (done) {
      setForm(EMPTY_ASSESSMENT);
      setSaved(format(S.AssessmentSaved, done.kpiName, done.rating, longDate(done.periodStart), longDate(done.periodEnd)));
      loaded.reload();
    }
  };

  const latest = (name: string): (typeof cm.assessments)[number] | undefined => cm.assessments.filter((a) => a.kpiName === name)[0];
  const noticeText = 'lines' in cm.notice ? cm.notice.lines.join('\n') : '';
  const copy = async (): Promise<void> => {
    await navigator.clipboard.writeText(noticeText);
    setCopied(true);
  };
  const refused = refusedFields(assessing.error);
  const errors: FieldError[] = refused ?? [];

  return (
    <section aria-labelledby="contract-management-heading" className={styles.section}>
      <h3 id="contract-management-heading">{S.Title}</h3>
      <Text as="p" block>
        {cm.duty.reason}
      </Text>
      {p.kpisNotAppropriateReason && <Text as="p" block>{format(S.NotAppropriateOnRecord, p.kpisNotAppropriateReason)}</Text>}
      {cm.duty.applies && cm.kpis.length < cm.duty.minimumKpis && (
        <MessageBar intent="warning">
          <MessageBarBody>{format(S.KpisShort, cm.duty.minimumKpis, cm.kpis.length)}</MessageBarBody>
        </MessageBar>
      )}
      {cm.nextDue &&
        (cm.nextDue.overdue ? (
          <MessageBar intent="warning">
            <MessageBarBody>{format(S.Overdue, longDate(cm.nextDue.due))}</MessageBarBody>
          </MessageBar>
        ) : (
          <Text as="p" block>
            {format(S.NextDue, longDate(cm.nextDue.due))}
          </Text>
        ))}
      {cm.kpis.length === 0 ? (
        <Text as="p" block>{S.NoKpis}</Text>
      ) : (
        <ResponsiveTable aria-label={S.KpiTable}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{S.Kpi}</TableHeaderCell>
              <TableHeaderCell>{S.Target}</TableHeaderCell>
              <TableHeaderCell>{S.Delivered}</TableHeaderCell>
              <TableHeaderCell>{S.LatestRating}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {cm.kpis.map((k) => {
              const progress = k.measureCode ? cm.delivery[k.measureCode] : undefined;
              const a = latest(k.name);
              return (
                <TableRow key={k.name}>
                  <TableCell>{k.name}</TableCell>
                  <TableCell>{k.target}</TableCell>
                  <TableCell>{progress ? format(S.DeliveredOf, progress.deliveredQuantity, progress.targetQuantity, progress.verifiedQuantity) : '—'}</TableCell>
                  <TableCell>{a ? format(S.RatingFor, a.rating, longDate(a.periodStart), longDate(a.periodEnd)) : S.NotRated}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </ResponsiveTable>
      )}

      {!readOnly && cm.kpis.length > 0 && (
        <fieldset className={styles.form}>
          <legend>{S.RecordTitle}</legend>
          <Field label={S.ChooseKpi} required {...fieldState(errors, 'kpiName')}>
            <Select value={form.kpiName} onChange={(_, d) => setForm({ ...form, kpiName: d.value })}>
              <option value="">{S.ChooseKpiOption}</option>
              {cm.kpis.map((k) => (
                <option key={k.name} value={k.name}>
                  {k.name}
                </option>
              ))}
            </Select>
          </Field>
          <div className={styles.row}>
            <Field label={S.PeriodStart} required {...fieldState(errors, 'periodStart')}>
              <Input type="date" value={form.periodStart} onChange={(_, d) => setForm({ ...form, periodStart: d.value })} />
            </Field>
            <Field label={S.PeriodEnd} required {...fieldState(errors, 'periodEnd')}>
              <Input type="date" value={form.periodEnd} onChange={(_, d) => setForm({ ...form, periodEnd: d.value })} />
            </Field>
          </div>
          <Field label={S.Rating} required {...fieldState(errors, 'rating')}>
            <Select value={form.rating} onChange={(_, d) => setForm({ ...form, rating: d.value })}>
              <option value="">{S.ChooseRating}</option>
              {CONTRACT_PERFORMANCE_RATINGS.map((r) => (
                <option key={r.id} value={r.id}>
                  {format(S.RatingOption, r.id, r.description)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={S.Note}>
            <Textarea value={form.note} onChange={(_, d) => setForm({ ...form, note: d.value })} resize="vertical" />
          </Field>
          {refused && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{S.AssessmentNotSaved}</MessageBarBody>
            </MessageBar>
          )}
          {assessing.error !== undefined && !refused && <ErrorNotice title={S.AssessmentFailed} error={assessing.error} onRetry={() => assess()} />}
          {saved && (
            <Text as="p" block role="status">
              {saved}
            </Text>
          )}
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={assessing.busy} onClick={() => assess()}>
              {S.SaveAssessment}
            </Button>
          </div>
        </fieldset>
      )}

      {!readOnly && (
        <fieldset className={styles.form}>
          <legend>{S.NoticesTitle}</legend>
          <div className={styles.row}>
            <Field label={S.TenderNotice} hint={S.NoticeHint}>
              <Input value={ids.tenderNoticeId} onChange={(_, d) => setIds({ ...ids, tenderNoticeId: d.value })} />
            </Field>
            <Field label={S.ContractDetailsNotice} hint={S.NoticeHint}>
              <Input value={ids.contractDetailsNoticeId} onChange={(_, d) => setIds({ ...ids, contractDetailsNoticeId: d.value })} />
            </Field>
          </div>
          {identifying.error !== undefined && <ErrorNotice title={S.NoticesFailed} error={identifying.error} />}
          <div className={styles.buttons}>
            <Button
              disabled={identifying.busy}
              onClick={async () => {
                if (await identifying.run(() => saveNoticeIdentifiers(data, p, ids))) onChanged();
              }}
            >
              {S.SaveNotices}
            </Button>
          </div>
        </fieldset>
      )}

      <h4>{S.PerformanceNotice}</h4>
      <Text as="p" block>
        {S.PerformanceNoticeIntro}
      </Text>
      {'lines' in cm.notice ? (
        <>
          <Field label={S.PerformanceNoticeText}>
            <Textarea className={styles.notice} value={noticeText} readOnly rows={Math.min(14, cm.notice.lines.length + 1)} />
          </Field>
          <div className={styles.buttons}>
            <Button onClick={() => copy()}>{S.Copy}</Button>
            {copied && <Text role="status">{S.Copied}</Text>}
          </div>
        </>
      ) : (
        <>
          <Text as="p" block>
            {S.PerformanceNoticeMissing}
          </Text>
          <ul>
            {cm.notice.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
