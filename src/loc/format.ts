/** Fills {0}, {1}… in a localised string; the loc files keep word order per language. */
export function format(template: string, ...values: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? whole : String(value);
  });
}
