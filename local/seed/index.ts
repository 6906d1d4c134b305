// Placeholder until the data layer lands: first-start provisioning and demo data go here.
export async function bootstrapSite(_siteUrl: string, _log: (line: string) => void): Promise<void> {
  return;
}
