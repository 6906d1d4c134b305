// Rules for changing a measure in the library. A proxy (£ per unit) is versioned by its edition: a new
// figure must come with a new edition name and its source, so the library always says which edition a
// figure is from. Commitments lock their proxy at award (Commitment.proxyPenceLocked), so saving a new
// edition here never changes the value of an existing commitment.
import { validateMeasure } from './measures';
import type { FieldError } from './errors';
import type { Measure } from './measures';

/** True when the £ per unit differs (including a record-only measure gaining a proxy, or losing one). */
export function proxyChanged(before: Measure, after: Measure): boolean {
  return (before.proxyPence ?? undefined) !== (after.proxyPence ?? undefined) || before.recordOnly !== after.recordOnly;
}

/** Problems with changing `before` into `after`: the domain's own checks, plus the new-edition rule. */
export function measureChangeProblems(before: Measure | undefined, after: Measure): FieldError[] {
  const errors = validateMeasure(after);
  if (!before) return errors;
  if (before.code !== after.code) {
    errors.push({ field: 'code', message: `A measure's code cannot change (${before.code}); add a new measure and make this one inactive instead.` });
  }
  if (before.unit !== after.unit) {
    // Commitments and outcome logs count in the measure's unit, and the dashboard adds quantities up only
    // within one unit (issue 14): a measure in another unit is another measure.
    errors.push({
      field: 'unit',
      message: `A measure's unit cannot change (${before.code} counts in ${before.unit}): commitments and outcomes already count in it. Add a new measure in ${after.unit} and make this one inactive instead.`,
    });
  }
  if (proxyChanged(before, after) && !after.recordOnly) {
    const edition = (after.proxyEdition ?? '').trim();
    if (edition !== '' && edition === (before.proxyEdition ?? '').trim()) {
      errors.push({
        field: 'proxyEdition',
        message: `A new proxy needs a new edition name: "${edition}" is the edition of ${before.code}'s current figure. Name the edition the new figure comes from (e.g. the year).`,
      });
    }
  }
  return errors;
}

/** The measure as it should be stored: trimmed text, and no proxy fields on a record-only measure. */
export function normaliseMeasure(m: Measure): Measure {
  const out: Measure = {
    code: m.code.trim().toUpperCase(),
    themeId: m.themeId,
    outcome: m.outcome.trim(),
    text: m.text.trim(),
    unit: m.unit,
    recordOnly: m.recordOnly,
    active: m.active,
  };
  if (!m.recordOnly) {
    out.proxyPence = m.proxyPence;
    out.proxyEdition = (m.proxyEdition ?? '').trim();
    out.proxySource = (m.proxySource ?? '').trim();
  }
  return out;
}

/** Two measures hold the same figures and words (so re-importing one is no change). */
export function sameMeasure(a: Measure, b: Measure): boolean {
  const x = normaliseMeasure(a);
  const y = normaliseMeasure(b);
  return (
    x.code === y.code &&
    x.themeId === y.themeId &&
    x.outcome === y.outcome &&
    x.text === y.text &&
    x.unit === y.unit &&
    x.recordOnly === y.recordOnly &&
    x.active === y.active &&
    (x.proxyPence ?? -1) === (y.proxyPence ?? -1) &&
    (x.proxyEdition ?? '') === (y.proxyEdition ?? '') &&
    (x.proxySource ?? '') === (y.proxySource ?? '')
  );
}
