// Who is acting: the signed-in person as the host reports them. Workflows record them (reported by,
// verified by, decided by); SharePoint's own Author and permissions are what finally counts.
export interface CurrentUser {
  displayName: string;
  email: string;
  /** May manage the site (provision lists, edit the library and settings). SharePoint's permissions decide. */
  canManageSite?: boolean;
  /**
   * May verify outcomes (add to the Verifications list: the Approvers group). Undefined when SharePoint could not
   * be asked: the screen offers the buttons and SharePoint's answer to the write decides.
   */
  canVerify?: boolean;
}
