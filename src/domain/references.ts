// Procurement references, matched one way everywhere. Officers and supplier returns type references by
// hand ('wmca-2026-0042 ', 'WMCA-2026-0042'): the rollups, the RAG refresh, the chase list and the
// log-to-commitment match all compare them through referenceKey, so a log never counts in one place and
// not in another.

/** How long a reference may be: the Procurements list's Reference column is sized from it. */
export const MAX_REFERENCE_LENGTH = 50;

/** The form references are matched in: case and surrounding spaces never make two references differ. */
export function referenceKey(reference: string): string {
  return reference.trim().toUpperCase();
}

/** Whether two references name the same procurement. */
export function sameReference(a: string, b: string): boolean {
  return referenceKey(a) === referenceKey(b);
}

/** Records grouped by their procurement's referenceKey, in the order given. */
export function byReference<T extends { procurementReference: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of records) {
    const key = referenceKey(r.procurementReference);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}
