/** Rewrite a draft as one bullet per sentence, as a person who wants bullet points would. */
export function toBullets(text: string): string {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0)
    .map((sentence) => `- ${sentence}`)
    .join('\n');
}
