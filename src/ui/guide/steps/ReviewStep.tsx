import * as React from 'react';
import { Link, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import { THEMES, formatPounds, socialValuePence } from '../../../domain';
import type { FieldError, Measure, TierDecision } from '../../../domain';
import { authorityName, longDate, quantityText, tierLabel, weightingText } from '../../common/labels';
import type { GuideDraft, StepId } from '../draft';
import { typedNumber, weightingDecision } from '../draft';
import { format } from '../../../loc/format';

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
  basics: strings.Guide.StepBasics,
  tier: strings.Guide.StepTier,
  measures: strings.Guide.StepMeasures,
  weighting: strings.Guide.StepWeighting,
  'action-plan': strings.Guide.StepActionPlan,
  review: strings.Guide.StepReview,
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
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{strings.Review.BeforeSubmit}</MessageBarTitle>
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
      <h3>{strings.Review.Procurement}</h3>
      <dl className={styles.facts}>
        <dt className={styles.term}>{strings.Review.Reference}</dt>
        <dd className={styles.detail}>{draft.reference}</dd>
        <dt className={styles.term}>{strings.Review.Title}</dt>
        <dd className={styles.detail}>{draft.title}</dd>
        <dt className={styles.term}>{strings.Review.Authority}</dt>
        <dd className={styles.detail}>{authorityName(draft.authorityId)}</dd>
        <dt className={styles.term}>{strings.Review.LeadOfficer}</dt>
        <dd className={styles.detail}>{draft.leadOfficerName || draft.leadOfficerEmail}</dd>
        <dt className={styles.term}>{strings.Review.Value}</dt>
        <dd className={styles.detail}>{format(strings.Review.IncVat, tier ? formatPounds(tier.estimatedValuePence) : draft.estimatedValue)}</dd>
        <dt className={styles.term}>{strings.Review.DecisionDate}</dt>
        <dd className={styles.detail}>{longDate(draft.decisionDate)}</dd>
        <dt className={styles.term}>{strings.Review.Tier}</dt>
        <dd className={styles.detail}>
          {tierLabel(tier?.tier)}
          {tier && <Text as="p" block size={200}>{tier.reason}</Text>}
        </dd>
        <dt className={styles.term}>{strings.Review.Weighting}</dt>
        <dd className={styles.detail}>
          {weightingText(weighting)}
          {weighting.essentialCriteria && weighting.essentialCriteria.length > 0 && (
            <ul aria-label={strings.Review.EssentialCriteria}>
              {weighting.essentialCriteria.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt className={styles.term}>{strings.Review.Justification}</dt>
        <dd className={styles.detail}>{weighting.justification ?? strings.Common.NotRecorded}</dd>
      </dl>
      <h3>{strings.Review.ThemesAndMeasures}</h3>
      {THEMES.filter((t) => draft.themeIds.indexOf(t.id) >= 0).map((t) => (
        <section key={t.id} aria-label={t.label}>
          <Text weight="semibold">{t.label}</Text>
          <ul>
            {draft.targets
              .filter((target) => byCode.get(target.code)?.themeId === t.id)
              .map((target) => {
                const m = byCode.get(target.code);
                // As the validators read it ("1,200" is 1,200), and written in its unit as every screen does: "3%",
                // "£3", "3" for a count (not "3 %", "3 £ spend", "3 count").
                const quantity = typedNumber(target.quantity);
                const known = quantity !== undefined && isFinite(quantity);
                const value = m && !m.recordOnly && known && quantity > 0 ? socialValuePence(quantity, m.proxyPence) : undefined;
                return (
                  <li key={target.code}>
                    {target.code} {m?.text}: {m && known ? quantityText(quantity, m.unit) : `${target.quantity} ${m?.unit ?? ''}`.trim()}
                    {value !== undefined ? ` (${formatPounds(value)})` : ''}
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
      {draft.actions.length > 0 && (
        <>
          <h3>{strings.Review.ActionPlan}</h3>
          <ol>
            {draft.actions.map((a, i) => (
              <li key={i}>
                {format(strings.Review.ActionLine, a.action, a.ownerName || a.ownerEmail, longDate(a.dueDate))}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
