// The form digest (X-RequestDigest) SharePoint requires on every write made with a browser (cookie) session: a page
// obtains it from POST /_api/contextinfo (FormDigestValue, valid FormDigestTimeoutSeconds) and sends it with each
// POST/MERGE/DELETE; a write without a valid one is refused with 403 "The security validation for this page is
// invalid…" (github.com/pnp/pnpjs/issues/2467 and /2186, github.com/vgrem/phpSPO/pull/61; Microsoft Learn, SPFx
// "Working with the request digest"). PnPjs's SPBrowser (RequestDigest behaviour) and SPFx's SPHttpClient do exactly
// that, so the app needs nothing special. It is what keeps a page on another origin from writing with the user's
// session: it cannot read contextinfo's answer.
//
// The value has SharePoint's shape, "0x<hex>,<issued UTC date>", and is an HMAC over the issue time and the site
// with a secret kept in the site's database (so a restarted server still accepts the digests it gave out).
// Simplification: SharePoint also binds a digest to the signed-in user; the local server's users are switched per
// request (X-SVHub-User) inside one browser-like client whose PnPjs caches one digest per site, so it binds to the site.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Store } from './store';
import { SPError } from './errors';
import { FORM_DIGEST_TIMEOUT_SECONDS } from './platformLimits';

function secretOf(store: Store): Buffer {
  let s = store.getMeta('formDigestSecret');
  if (!s) {
    s = randomBytes(32).toString('hex');
    store.setMeta('formDigestSecret', s);
  }
  return Buffer.from(s, 'hex');
}

function mac(store: Store, siteUrl: string, issued: string): string {
  return createHmac('sha256', secretOf(store)).update(`${siteUrl.toLowerCase()}|${issued}`).digest('hex').toUpperCase();
}

export function issueDigest(store: Store, siteUrl: string, now = new Date()): string {
  const issued = now.toUTCString().replace(/^\w+, /, '').replace(' GMT', ' -0000');
  return `0x${mac(store, siteUrl, issued)},${issued}`;
}

export function securityValidationFailed(): SPError {
  return new SPError(403, '-2130575251, Microsoft.SharePoint.SPException',
    "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again.");
}

/** Throws SharePoint's 403 unless the digest is one this site issued within FormDigestTimeoutSeconds. */
export function checkDigest(store: Store, siteUrl: string, value: string | undefined, now = Date.now()): void {
  const m = /^0x([0-9A-F]{64}),(.+)$/i.exec((value ?? '').trim());
  if (!m) throw securityValidationFailed();
  const expected = Buffer.from(mac(store, siteUrl, m[2]), 'utf8');
  const sent = Buffer.from(m[1].toUpperCase(), 'utf8');
  if (expected.length !== sent.length || !timingSafeEqual(expected, sent)) throw securityValidationFailed();
  const issued = Date.parse(m[2].replace(' -0000', ' GMT'));
  if (!Number.isFinite(issued) || now - issued > FORM_DIGEST_TIMEOUT_SECONDS * 1000 || issued - now > 60_000) throw securityValidationFailed();
}
