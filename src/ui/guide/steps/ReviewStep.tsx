import * as React from 'react';
import { Link, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { THEMES, formatPounds, socialValuePence } from '../../../domain';
import type { FieldError, Measure, TierDecision } from '../../../domain';
import { authorityName, longDate, tierLabel, weightingText } from '../../common/labels';
import type { GuideDraft, StepId } from '../draft';
import { weightingDecision } from '../draft';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
});

export const STEP_TITLES: Record<StepId, string> = {
  basics: 'Basics',
  tier: 'Tier',
  measures: 'Themes and measures',
  weighting: 'Weighting',
  'action-plan': 'Action plan',
  review: 'Review and submit',
};

/** The summary a manager could approve from, and what still stops submission. */
export function ReviewStep(props: {
  draft: GuideDraft;
  tier?: TierDecision;
  library: readonly Measure[];
  problems: Partial<Record<StepId, FieldError[]>>;
  goTo: (step: StepId) => void;
}): React.ReactElement {
  const { draft, tier, library, problems, goTo } = props;
  const styles = useStyles();
  const byCode = new Map(library.map((m) => [m.code, m]));
  const weighting = weightingDecision(draft);
  const steps = Object.keys(problems) as StepId[];
  return (
    <div>
      {steps.length > 0 && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Before you can submit</MessageBarTitle>
            <ul>
              {steps.map((step) =>
                (problems[step] ?? []).map((p) => (
                  <li key={`${step}-${p.field}-${p.message}`}>
                    <Link onClick={() => goTo(step)}>{STEP_TITLES[step]}</Link>: {p.message}
                  </li>
                )),
              )}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <h3>Procurement</h3>
      <dl className={styles.facts}>
        <dt className={styles.term}>Reference</dt>
        <dd className={styles.detail}>{draft.reference}</dd>
        <dt className={styles.term}>Title</dt>
        <dd className={styles.detail}>{draft.title}</dd>
        <dt className={styles.term}>Authority</dt>
        <dd className={styles.detail}>{authorityName(draft.authorityId)}</dd>
        <dt className={styles.term}>Lead officer</dt>
        <dd className={styles.detail}>{draft.leadOfficerName || draft.leadOfficerEmail}</dd>
        <dt className={styles.term}>Estimated value</dt>
        <dd className={styles.detail}>{tier ? formatPounds(tier.estimatedValuePence) : draft.estimatedValue} including VAT</dd>
        <dt className={styles.term}>Decision date</dt>
        <dd className={styles.detail}>{longDate(draft.decisionDate)}</dd>
        <dt className={styles.term}>Tier</dt>
        <dd className={styles.detail}>
          {tierLabel(tier?.tier)}
          {tier && <Text as="p" block size={200}>{tier.reason}</Text>}
        </dd>
        <dt className={styles.term}>Weighting</dt>
        <dd className={styles.detail}>
          {weightingText(weighting)}
          {weighting.essentialCriteria && weighting.essentialCriteria.length > 0 && (
            <ul aria-label="Essential criteria">
              {weighting.essentialCriteria.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt className={styles.term}>Justification</dt>
        <dd className={styles.detail}>{weighting.justification ?? '—'}</dd>
      </dl>
      <h3>Themes and measures</h3>
      {THEMES.filter((t) => draft.themeIds.indexOf(t.id) >= 0).map((t) => (
        <section key={t.id} aria-label={t.label}>
          <Text weight="semibold">{t.label}</Text>
          <ul>
            {draft.targets
              .filter((target) => byCode.get(target.code)?.themeId === t.id)
              .map((target) => {
                const m = byCode.get(target.code);
                const quantity = Number(target.quantity);
                const value = m && !m.recordOnly && isFinite(quantity) && quantity > 0 ? socialValuePence(quantity, m.proxyPence) : undefined;
                return (
                  <li key={target.code}>
                    {target.code} {m?.text}: {target.quantity} {m?.unit}
                    {value !== undefined ? ` (${formatPounds(value)})` : ''}
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
      {draft.actions.length > 0 && (
        <>
          <h3>Action plan</h3>
          <ol>
            {draft.actions.map((a, i) => (
              <li key={i}>
                {a.action} — {a.ownerName || a.ownerEmail}, due {longDate(a.dueDate)}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
