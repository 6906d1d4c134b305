// People as SharePoint knows them: the signed-in user, and site user ids for person columns
// (SharePoint's ensureUser adds a tenant user to the site the first time).
import type { SPFI } from '@pnp/sp';
import { DataError } from '../errors';
import type { SiteUser, UserDirectory } from '../ports';
import { readDataError } from './errors';
import './pnp';

interface SpUser {
  Id: number;
  Title: string;
  Email: string;
  IsSiteAdmin: boolean;
  LoginName?: string;
}

const toSiteUser = (u: SpUser): SiteUser => ({ id: u.Id, email: u.Email, displayName: u.Title, isSiteAdmin: !!u.IsSiteAdmin });

/** Claims login of a Microsoft 365 user, the form ensureUser expects. */
export const claimsLogin = (email: string): string => `i:0#.f|membership|${email.trim().toLowerCase()}`;

export class SharePointUserDirectory implements UserDirectory {
  private readonly sp: SPFI;
  private readonly byEmail = new Map<string, Promise<SiteUser>>();

  public constructor(sp: SPFI) {
    this.sp = sp;
  }

  public async current(): Promise<SiteUser> {
    let me: SiteUser;
    try {
      me = toSiteUser((await this.sp.web.currentUser.select('Id', 'Title', 'Email', 'IsSiteAdmin')()) as SpUser);
    } catch (e) {
      throw await readDataError(e, 'Your user account');
    }
    this.remember(me);
    return me;
  }

  /**
   * A site user read elsewhere (the current user, from the opening's batch): "my procurements" then filters by
   * their id without asking for it by email. A site user's id does not change (hence the cache of ensure, below).
   */
  public remember(user: SiteUser): void {
    const key = (user.email || '').trim().toLowerCase();
    if (key && !this.byEmail.has(key)) this.byEmail.set(key, Promise.resolve(user));
  }

  /**
   * The site user for an email if the person is already on the site (a read: filters use it, so a
   * visitor can filter without adding anyone to the site). Undefined when not found.
   */
  public async find(email: string): Promise<SiteUser | undefined> {
    const key = (email || '').trim().toLowerCase();
    const known = this.byEmail.get(key);
    if (known) return known.catch(() => undefined);
    try {
      // Quotes doubled: an address such as o'neil@… is valid.
      const u = toSiteUser((await this.sp.web.siteUsers.getByEmail(key.replace(/'/g, "''")).select('Id', 'Title', 'Email', 'IsSiteAdmin')()) as SpUser);
      // Found is for good (a site user's id does not change): the register's next page asks for the page alone.
      this.remember(u);
      return u;
    } catch (e) {
      const err = await readDataError(e, `The person ${email}`);
      if (err.kind === 'not-found' || /could not be found|does not exist/i.test(err.spMessage || '')) return undefined;
      throw err;
    }
  }

  /** Cached per email for the life of the directory (ids do not change). */
  public ensure(email: string): Promise<SiteUser> {
    const key = (email || '').trim().toLowerCase();
    if (!key || key.indexOf('@') < 0) {
      return Promise.reject(new DataError('validation', `“${email}” is not an email address of a person.`, { field: 'email' }));
    }
    let found = this.byEmail.get(key);
    if (!found) {
      found = this.sp.web
        .ensureUser(claimsLogin(key))
        .then((u) => toSiteUser(u as unknown as SpUser))
        .catch(async (e: unknown) => {
          this.byEmail.delete(key);
          const err = await readDataError(e, `The person ${email}`);
          // SharePoint answers 500 "The specified user … could not be found." for an unknown login.
          throw err.kind === 'validation' || err.kind === 'not-found' || /could not be found/i.test(err.spMessage || '')
            ? new DataError('not-found', `No one with the email ${email} can be found for this site.`, { field: 'email', status: err.status, spMessage: err.spMessage })
            : err;
        });
      this.byEmail.set(key, found);
    }
    return found;
  }
}
