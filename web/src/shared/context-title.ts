/**
 * A title for a context a person can recognise: the first words of its first sentence (or line), at
 * most `words` words, with an ellipsis when cut. Markdown-ish markers at the start (`#`, `-`, `*`) are
 * dropped. Empty or missing text gives `untitled`.
 *
 * @example
 * contextTitle('The red panda is a small mammal that lives in the forests. It eats bamboo.');
 * // 'The red panda is a small mammal that…'
 */
export function contextTitle(text: string | null | undefined, words = 7, untitled = 'Untitled text'): string {
  const firstLine = (text ?? '').trim().split(/\n/)[0] ?? '';
  const firstSentence = firstLine.replace(/^[#>*\-•\s]+/, '').split(/(?<=[.!?])\s/)[0] ?? '';
  const tokens = firstSentence
    .trim()
    .split(/\s+/)
    .filter((token) => token !== '');
  if (tokens.length === 0) return untitled;
  const cut = tokens.length > words;
  const title = tokens
    .slice(0, words)
    .join(' ')
    .replace(/[.,;:!?]+$/, '');
  return cut ? `${title}…` : title;
}
