// The name the tender pack downloads as: "<reference> Social value tender section.docx", or "… quotation
// checklist.docx" under £50,000. Only characters every file system and SharePoint library accept.
import { CURRENT_POLICY_EDITION } from '../../domain';
import type { PolicyEdition, Procurement } from '../../domain';
import { tenderPackTier } from './content';

/** Characters Windows, macOS and SharePoint all accept in a file name, besides letters and digits. */
const UNSAFE = /[^A-Za-z0-9 ._()-]+/g;

function safePart(text: string): string {
  return text.replace(UNSAFE, '-').replace(/-{2,}/g, '-').replace(/\s+/g, ' ').replace(/^[\s.-]+|[\s.-]+$/g, '');
}

export function tenderPackFileName(procurement: Procurement, edition: PolicyEdition = CURRENT_POLICY_EDITION): string {
  const what = tenderPackTier(procurement, edition) === 'light-touch' ? 'Social value quotation checklist' : 'Social value tender section';
  const reference = safePart(String(procurement.reference || '')).slice(0, 64);
  return `${reference ? `${reference} ` : ''}${what}.docx`;
}
