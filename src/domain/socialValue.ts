// Social value arithmetic: value = quantity × proxy, commitment progress, RAG status, per-theme totals.

/** Red/Amber/Green status of a commitment (stored as a SharePoint choice value). */
export type Rag = 'Red' | 'Amber' | 'Green';
export const RAGS: readonly Rag[] = ['Red', 'Amber', 'Green'];
