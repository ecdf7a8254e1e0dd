/**
 * Which prompts and settings a model is called with:
 * - `tailor` (the default): the templates below, with a notice that tagged text is data, "reply with the
 *   text only", and a revision that changes no more than needed — what makes answers usable as they are;
 * - `paper`: the paper's protocol as described (DESIGN.md §2): the same structure in our own wording with
 *   no extra instruction, a system prompt (`paperSystemPrompt`) and the paper's generation settings
 *   (`paperSettings`: temperature 0, top_p 0.95, at most 4000 output tokens).
 */
export type PromptProtocol = 'paper' | 'tailor';

/** The protocols, for flags and validation. */
export const promptProtocols: readonly PromptProtocol[] = ['tailor', 'paper'];

/** The system prompt of the `paper` protocol (our wording of a plain assistant role). */
export const paperSystemPrompt = 'You are a helpful assistant who writes for users.';

/** The generation settings of the `paper` protocol, as the paper reports them. */
export const paperSettings = { temperature: 0, topP: 0.95, maxOutputTokens: 4000 } as const;

/** A rendered prompt: an optional system message and one user message. */
export interface Prompt {
  readonly system?: string;
  readonly user: string;
}

/** A prompt of the `paper` protocol: the user message under the paper's system prompt. */
export function paperPrompt(user: string): Prompt {
  return { system: paperSystemPrompt, user };
}

/**
 * The prompt `protocol` sends, given the user message each protocol words: the paper's under its
 * system prompt, or Tailor's alone.
 */
export function protocolPrompt(protocol: PromptProtocol, user: { paper: string; tailor: string }): Prompt {
  return protocol === 'paper' ? paperPrompt(user.paper) : { user: user.tailor };
}
