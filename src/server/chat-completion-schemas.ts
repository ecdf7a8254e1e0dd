import { z } from '@hono/zod-openapi';

/** A message part the proxy reads (text only; other parts are refused). */
const TextPart = z.object({ type: z.literal('text'), text: z.string() });

export const ChatMessage = z
  .object({
    role: z.enum(['system', 'developer', 'user', 'assistant']),
    content: z.union([z.string(), z.array(TextPart), z.null()]),
    name: z.string().optional(),
  })
  .openapi('ChatMessage');

/**
 * The subset of OpenAI's chat completion request the proxy forwards. Any other field is refused with a
 * 400 naming it (`unsupportedChatFields`), never dropped silently; tools too: the proxy tailors text
 * replies.
 */
export const ChatCompletionRequest = z
  .object({
    model: z.string().min(1),
    messages: z.array(ChatMessage).min(1),
    user: z
      .string()
      .min(1)
      .max(200)
      .openapi({ description: 'The end user whose preferences steer the reply (required)' }),
    stream: z.boolean().optional(),
    stream_options: z.object({ include_usage: z.boolean().optional() }).nullable().optional(),
    temperature: z.number().min(0).max(2).nullable().optional(),
    top_p: z.number().min(0).max(1).nullable().optional(),
    max_tokens: z.number().int().min(1).nullable().optional(),
    max_completion_tokens: z.number().int().min(1).nullable().optional(),
    stop: z
      .union([z.string(), z.array(z.string())])
      .nullable()
      .optional(),
    seed: z.number().int().nullable().optional(),
    n: z.literal(1).nullable().optional(),
    presence_penalty: z.number().min(-2).max(2).nullable().optional(),
    frequency_penalty: z.number().min(-2).max(2).nullable().optional(),
    response_format: z
      .object({ type: z.literal('text') })
      .nullable()
      .optional()
      .openapi({ description: 'Only `{ "type": "text" }`: the proxy tailors text replies' }),
    logprobs: z.literal(false).nullable().optional(),
  })
  .openapi('ChatCompletionRequest');

export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequest>;

/** The request fields the proxy reads or forwards. */
export const acceptedChatFields: readonly string[] = Object.keys(ChatCompletionRequest.shape);

/** The fields of a request body the proxy would otherwise drop (anything not in `acceptedChatFields`). */
export function unsupportedChatFields(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  return Object.keys(body).filter((field) => !acceptedChatFields.includes(field));
}

export const ChatCompletion = z
  .object({
    id: z.string(),
    object: z.literal('chat.completion'),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number().int(),
        message: z.object({ role: z.literal('assistant'), content: z.string(), refusal: z.null() }),
        finish_reason: z.string(),
        logprobs: z.null(),
      }),
    ),
    usage: z.object({
      prompt_tokens: z.number().int(),
      completion_tokens: z.number().int(),
      total_tokens: z.number().int(),
    }),
  })
  .openapi('ChatCompletion');
