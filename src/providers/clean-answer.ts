/**
 * What a model's answer is expected to be: a whole text (a summary, an email, an edit) or a short
 * preference phrase.
 */
export type AnswerKind = 'text' | 'phrase';

const quotePairs: readonly (readonly [string, string])[] = [
  ['"', '"'],
  ["'", "'"],
  ['\u201c', '\u201d'],
  ['\u2018', '\u2019'],
  ['\u00ab', '\u00bb'],
  ['`', '`'],
];

function stripFence(text: string): string {
  const fenced = /^```[\w-]*[ \t]*\n([\s\S]*?)\n?```$/.exec(text);
  return fenced ? fenced[1]!.trim() : text;
}

function stripQuotes(text: string): string {
  for (const [open, close] of quotePairs) {
    if (text.length >= 2 && text.startsWith(open) && text.endsWith(close)) {
      const inner = text.slice(open.length, -close.length);
      // NOTE: `"A" and "B"` starts and ends with quotes but is not one quoted text.
      if (!inner.includes(open) && !inner.includes(close)) return inner.trim();
    }
  }
  return text;
}

const preamble = /^(?:sure|certainly|of course|okay|ok)?[!,.]?\s*here(?:'s| is| are)\b[^\n]{0,80}:[ \t]*\n+/i;
const phraseLabel =
  /^(?:(?:the\s+)?(?:user(?:'s|s)?\s+)?(?:inferred\s+|aggregated\s+|combined\s+)?(?:writing\s+)?(?:preferences?|preferred\s+style|style)|answer|phrase)\s*:\s*/i;

/**
 * Clean a model's answer: trim, unwrap a code fence and surrounding quotes; for texts also drop a
 * "Here is the summary:" line before the content; for phrases drop a leading label such as
 * "Preference:" or "The user's preferences:", a list dash and a final period. Never invents text:
 * an answer that is only noise cleans to the empty string.
 *
 * @example
 * cleanAnswer('Preference: "bullet points, brief".', 'phrase'); // 'bullet points, brief'
 */
export function cleanAnswer(answer: string, kind: AnswerKind): string {
  let text = stripQuotes(stripFence(answer.trim()));
  if (kind === 'text') {
    const withoutPreamble = text.replace(preamble, '');
    if (withoutPreamble.trim() !== '') text = withoutPreamble.trim();
    return stripQuotes(stripFence(text));
  }
  text = text.replace(phraseLabel, '').trim();
  text = stripQuotes(text.replace(/^[-*\u2022]\s+/, '').trim());
  text = text.replace(/\.$/, '').trim();
  return stripQuotes(text);
}
