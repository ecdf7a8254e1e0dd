/** Text as phrase detectors read it: lower case, bold markers removed, "&" read as "and". */
export function plainText(text: string): string {
  return text.replace(/\*\*/g, '').replace(/&/g, 'and').toLowerCase();
}
