/** Phrases writers answer with when they see no preference; they hold no component. */
const emptyAnswers = /^(no clear preference|no particular preference|no preference|none|n\/a)$/i;

/** A component's key for comparison: lower case, single spaces, no final period. */
export function componentKey(component: string): string {
  return component.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
}

/**
 * The components of a preference text: its comma-, semicolon- or line-separated phrases ("TL;DR" stays
 * whole), trimmed, in order, without repeats or "no clear preference".
 *
 * @example
 * splitComponents('bullet points, brief; no emojis'); // ['bullet points', 'brief', 'no emojis']
 */
export function splitComponents(text: string | null): string[] {
  if (text === null) return [];
  const seen = new Set<string>();
  const components: string[] = [];
  // NOTE: a semicolon inside a word ("TL;DR") is not a separator.
  for (const raw of text.split(/,|;(?=\s|$)|\n/)) {
    const component = raw.trim().replace(/\s+/g, ' ').replace(/\.$/, '');
    const key = componentKey(component);
    if (component === '' || emptyAnswers.test(key) || seen.has(key)) continue;
    seen.add(key);
    components.push(component);
  }
  return components;
}

const negation = /^(no|avoid|without|never|not|don't use|do not use)\s+/i;

/** What a component is about, with any negation removed ("no emojis" and "emojis" share a topic). */
export function componentTopic(component: string): string {
  return componentKey(component)
    .replace(negation, '')
    .replace(/^(with|use|using)\s+/, '');
}

/** True for a negative component ("no emojis", "avoid jargon"). */
export function isNegativeComponent(component: string): boolean {
  return negation.test(componentKey(component));
}

/**
 * Merge components: `later` ones are added, and a later one replaces an earlier one on the same topic
 * with the opposite sign ("emojis" then "no emojis" leaves "no emojis"). Order: earlier first.
 */
export function mergeComponents(earlier: readonly string[], later: readonly string[]): string[] {
  const merged = [...earlier];
  for (const component of later) {
    const topic = componentTopic(component);
    const index = merged.findIndex((other) => componentTopic(other) === topic);
    if (index < 0) merged.push(component);
    else if (isNegativeComponent(merged[index] ?? '') !== isNegativeComponent(component))
      merged[index] = component;
  }
  return merged;
}
