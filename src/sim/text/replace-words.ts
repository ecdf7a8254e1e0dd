/** Escape a literal for use inside a regular expression. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Match the case of `model` (all caps, capitalized, or as given) in `replacement`. */
export function matchCase(model: string, replacement: string): string {
  if (replacement === '') return replacement;
  if (model.length > 1 && model === model.toUpperCase() && /\p{L}/u.test(model))
    return replacement.toUpperCase();
  if (/^\p{Lu}/u.test(model)) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

/**
 * A case-insensitive whole-word (or whole-phrase) replacer built from a table, keeping the case of
 * what it replaces. Apostrophes match both ' and ’. `test` tells whether any entry occurs.
 */
export interface WordReplacer {
  test(text: string): boolean;
  replace(text: string): string;
}

/** Build a replacer from `{ phrase: replacement }`; longer phrases win over shorter ones. */
export function wordReplacer(
  table: Readonly<Record<string, string>>,
  options: { notBefore?: string } = {},
): WordReplacer {
  const lookup = new Map<string, string>();
  for (const [phrase, replacement] of Object.entries(table))
    lookup.set(phrase.toLowerCase().replace(/’/g, "'"), replacement);
  const alternatives = [...lookup.keys()]
    .sort((left, right) => right.length - left.length)
    .map((phrase) => escapeRegExp(phrase).replace(/'/g, "['’]").replace(/ /g, '\\s+'));
  const tail = options.notBefore === undefined ? '' : `(?!${options.notBefore})`;
  const source = `(?<![\\p{L}\\p{N}'’])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}]|['’][\\p{L}])${tail}`;
  const pattern = new RegExp(source, 'giu');
  const probe = new RegExp(source, 'iu');
  return {
    test: (text) => probe.test(text),
    replace: (text) =>
      text.replace(pattern, (found) => {
        const key = found.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
        return matchCase(found, lookup.get(key) ?? found);
      }),
  };
}
