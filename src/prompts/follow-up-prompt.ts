import { dataNotice, delimited } from './delimited.js';
import type { Prompt } from './prompt.js';

/**
 * Ask whether a user's next turn is feedback on the form of the assistant's answer, satisfaction, or
 * neither, as JSON: `{"kind": "feedback" | "satisfaction" | "neither", "components": [...]}`.
 */
export function classifyFollowUpPrompt(answer: string, followUp: string): Prompt {
  return {
    system: 'You classify chat follow-ups and answer with JSON only.',
    user:
      `An assistant answered:\n${delimited('answer', answer)}\n\nThe user replied:\n${delimited('reply', followUp)}\n\n${dataNotice}\n\n` +
      `Is the reply feedback on the form of the answer (its length, tone, format or structure), ` +
      `satisfaction with it, or neither (a new question, a request about content)? For feedback, list the ` +
      `writing preferences it asks for as short phrases ("brief", "no bullet points"). Reply with JSON only: ` +
      `{"kind": "feedback" | "satisfaction" | "neither", "components": ["..."]}.`,
  };
}
