import { randomUUID } from 'node:crypto';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createRoute } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { generateText, streamText, type TextStreamPart, type ToolSet } from 'ai';
import { streamSSE } from 'hono/streaming';
import type { Logger } from 'pino';
import { CallPolicy } from '../providers/call-policy.js';
import { toModelCallError } from '../providers/to-model-call-error.js';
import { InvalidInputError, ModelCallError } from '../spec/index.js';
import type { ApiEnv } from './api-env.js';
import { errorResponses } from './api-env.js';
import {
  acceptedChatFields,
  ChatCompletion,
  ChatCompletionRequest,
  unsupportedChatFields,
} from './chat-completion-schemas.js';
import { describeError } from './error-response.js';
import {
  type ChatCompletionChunk,
  completionChunk,
  followUpOf,
  lastUserText,
  openAiFinishReason,
  openAiUsage,
  withPreference,
} from './openai-chat-format.js';
import type { ServiceMetrics } from './service-metrics.js';
import type { Tailor } from '../service/tailor.js';
import { invalidInputFromZod } from './validation-error.js';

/** Response header naming the interaction to send the user's edit to (`POST /v1/interactions/{id}/learn`). */
export const interactionIdHeader = 'x-tailor-interaction-id';

const documentedRoute = createRoute({
  method: 'post',
  path: '/v1/chat/completions',
  summary: 'OpenAI-compatible chat completions, tailored to the end user named in `user`',
  description:
    "Chooses the user's preference for the last user message as the service's learner would for a draft " +
    '(refine-verify-K: verified components; cipher-K: aggregated retrieval) in the `chat` task, ' +
    'adds it as a system message and forwards the conversation to the upstream model. The ' +
    `\`${interactionIdHeader}\` header names the interaction; send the user's edit of the reply to ` +
    '`POST /v1/interactions/{id}/learn`. With `stream: true` the reply is server-sent ' +
    '`chat.completion.chunk` events ending with `data: [DONE]`.',
  request: { body: { content: { 'application/json': { schema: ChatCompletionRequest } }, required: true } },
  responses: {
    200: {
      description: 'A chat.completion (or an event stream of chat.completion.chunk)',
      content: { 'application/json': { schema: ChatCompletion } },
    },
    ...errorResponses(400, 401, 413, 422, 502, 503),
  },
});

/** What the proxy forwards to. */
export interface ChatProxyOptions {
  readonly tailor: Tailor;
  /** The upstream model; undefined answers 502 explaining how to configure one. */
  readonly upstream: LanguageModelV3 | undefined;
  readonly metrics: ServiceMetrics;
  readonly logger: Logger;
  /**
   * Whether to learn from the follow-ups of this tenant's users (off by default): a last user turn
   * that answers the assistant ("please, no bullet points") is read by the Tailor's follow-up
   * classifier before the reply is drafted, and style feedback is stored as a preference.
   */
  readonly learnFromFollowUps?: (tenant: string) => boolean;
  /**
   * Timeout, retries and concurrency of upstream calls (default: 60 s per attempt, one retry unless the
   * upstream asks to wait over 5 s (its Retry-After is then passed on), 64 calls
   * at once). A stream is opened (up to its first text) as one call under the policy; each later part
   * must come within `idleTimeoutMs`.
   */
  readonly callPolicy?: CallPolicy;
}

/** The proxy's default upstream policy: more calls at once than the agent's, one retry. */
function defaultProxyPolicy(metrics: ServiceMetrics): CallPolicy {
  return new CallPolicy({
    timeoutMs: 60_000,
    maxRetries: 1,
    concurrency: 64,
    maxRetryAfterMs: 5_000,
    onQueueWait: metrics.observeQueueWait,
  });
}

/** The next part of a stream, or a ModelCallError when none comes within `ms`. */
async function nextWithin<T>(
  iterator: AsyncIterator<T>,
  ms: number,
  target: { provider: string; modelId: string },
  abort: AbortController,
): Promise<IteratorResult<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(
        new ModelCallError({
          ...target,
          message: `${target.provider}:${target.modelId}: the stream sent nothing for ${ms / 1000} s`,
          retryable: true,
        }),
      );
    }, ms);
  });
  try {
    return await Promise.race([iterator.next(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A failed upstream call as the client sees it: its status, and the upstream's Retry-After passed on. */
function upstreamFailure(error: unknown): Response | undefined {
  if (!ModelCallError.isInstance(error)) return undefined;
  const wait = (error as { retryAfterMs?: number }).retryAfterMs;
  const retryAfter =
    wait ?? ((error.cause as { retryAfterMs?: number } | undefined)?.retryAfterMs as number | undefined);
  if (retryAfter === undefined) return undefined;
  const { body } = describeError(error);
  return new Response(JSON.stringify(body), {
    status: error.status === 429 ? 429 : 503,
    headers: { 'content-type': 'application/json', 'retry-after': String(Math.ceil(retryAfter / 1000)) },
  });
}

type StreamPart = TextStreamPart<ToolSet>;

/** An upstream stream that has sent its first text (or finished), and the controller that stops it. */
interface OpenedStream {
  readonly parts: AsyncIterator<StreamPart>;
  readonly first: IteratorResult<StreamPart>;
  readonly upstreamAbort: AbortController;
}

/**
 * One attempt at opening an upstream stream: the parts up to the first text (or the end) are read
 * within the attempt, whose signal (the policy's timeout) stops the stream only until then.
 */
async function openStream(
  call: Parameters<typeof streamText>[0],
  target: { provider: string; modelId: string },
  attemptSignal: AbortSignal,
  context: { readonly req: { readonly raw: Request } },
): Promise<OpenedStream> {
  const upstreamAbort = new AbortController();
  const stopOnAttemptEnd = () => upstreamAbort.abort(attemptSignal.reason);
  attemptSignal.addEventListener('abort', stopOnAttemptEnd, { once: true });
  try {
    const abortSignal = AbortSignal.any([context.req.raw.signal, upstreamAbort.signal]);
    const parts = streamText({ ...call, abortSignal, onError: () => undefined }).fullStream[
      Symbol.asyncIterator
    ]();
    let first = await parts.next();
    while (!first.done && first.value.type !== 'text-delta' && first.value.type !== 'finish') {
      if (first.value.type === 'error') throw toModelCallError(first.value.error, target);
      if (first.value.type === 'abort') break;
      first = await parts.next();
    }
    if (attemptSignal.aborted) throw attemptSignal.reason;
    return { parts, first, upstreamAbort };
  } finally {
    attemptSignal.removeEventListener('abort', stopOnAttemptEnd);
  }
}

/**
 * Registers `POST /v1/chat/completions` (documented in the OpenAPI document; validated with the same
 * schema by hand, because a streamed reply is not a typed JSON response).
 */
export function registerChatCompletionsRoute(app: OpenAPIHono<ApiEnv>, options: ChatProxyOptions): void {
  app.openAPIRegistry.registerPath(documentedRoute);
  const defaultPolicy = defaultProxyPolicy(options.metrics);
  // The proxy's upstream calls show in /metrics beside the agent's (calls in flight, queue depth).
  options.metrics.watchCallPolicy(options.callPolicy ?? defaultPolicy);
  app.post('/v1/chat/completions', async (context) => {
    let raw: unknown;
    try {
      raw = await context.req.json();
    } catch (error) {
      throw new InvalidInputError({ field: 'body', message: 'the body is not valid JSON', cause: error });
    }
    const tools = (raw as { tools?: unknown } | null)?.tools;
    if (Array.isArray(tools) && tools.length > 0) {
      throw new InvalidInputError({
        field: 'tools',
        accepted: 'no tools: the Tailor proxy tailors text replies',
      });
    }
    const [unsupported] = unsupportedChatFields(raw);
    if (unsupported !== undefined) {
      throw new InvalidInputError({
        field: unsupported,
        message: `the proxy does not support the field ${JSON.stringify(unsupported)} (it would be dropped); accepted: ${acceptedChatFields.join(', ')}`,
      });
    }
    const parsed = ChatCompletionRequest.safeParse(raw);
    if (!parsed.success) throw invalidInputFromZod(parsed.error, 'json');
    const request = parsed.data;
    const { tailor, upstream } = options;
    if (upstream === undefined) {
      throw new ModelCallError({
        provider: 'none',
        modelId: 'none',
        message: 'this server has no upstream chat model; start it with --upstream <model spec>',
        retryable: false,
      });
    }
    const tenant = context.get('tenant');
    let text = lastUserText(request.messages);
    const turn = options.learnFromFollowUps?.(tenant) === true ? followUpOf(request.messages) : undefined;
    if (turn !== undefined) {
      // NOTE: learning never fails the reply: a classifier or store error is logged and the turn goes on.
      const outcome = await tailor
        .learnFromFollowUp({
          tenant,
          user: request.user,
          context: turn.context,
          answer: turn.answer,
          followUp: turn.followUp,
          abortSignal: context.req.raw.signal,
        })
        .catch((error: unknown) => {
          options.logger.warn({ err: error }, 'learning from a chat follow-up failed; the reply goes on');
          return undefined;
        });
      // Style feedback is about the earlier request: the reply is tailored to what that request needs.
      if (outcome?.kind === 'feedback') text = turn.context;
    }
    const prepared = await tailor.prepareChat({
      tenant,
      user: request.user,
      text,
      abortSignal: context.req.raw.signal,
    });
    options.metrics.countTokens('chat', prepared.usage);
    const call = {
      model: upstream,
      messages: withPreference(request.messages, prepared.preference),
      temperature: request.temperature ?? undefined,
      topP: request.top_p ?? undefined,
      maxOutputTokens: request.max_completion_tokens ?? request.max_tokens ?? undefined,
      stopSequences: request.stop === null || request.stop === undefined ? undefined : [request.stop].flat(),
      seed: request.seed ?? undefined,
      presencePenalty: request.presence_penalty ?? undefined,
      frequencyPenalty: request.frequency_penalty ?? undefined,
      // NOTE: forwarding the caller's own system messages is the point of a proxy.
      allowSystemInMessages: true,
      // NOTE: retries and timeouts are the call policy's, as for every other model call.
      maxRetries: 0,
    };
    const policy = options.callPolicy ?? defaultPolicy;
    const id = randomUUID();
    const completionId = `chatcmpl-${id}`;
    const created = Math.floor(Date.now() / 1000);
    const target = { provider: upstream.provider, modelId: upstream.modelId };
    const record = (output: string) =>
      tailor.recordChat({ id, tenant, user: request.user, text, output, prepared });

    if (request.stream !== true) {
      let result: Awaited<ReturnType<typeof generateText>>;
      try {
        result = await policy.run(target, (abortSignal) => generateText({ ...call, abortSignal }), {
          abortSignal: context.req.raw.signal,
        });
      } catch (error) {
        const passed = upstreamFailure(error);
        if (passed !== undefined) return passed;
        throw error;
      }
      options.metrics.countTokens('chat', {
        inputTokens: result.usage.inputTokens ?? 0,
        outputTokens: result.usage.outputTokens ?? 0,
      });
      await record(result.text);
      return context.json(
        {
          id: completionId,
          object: 'chat.completion',
          created,
          model: request.model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: result.text, refusal: null },
              finish_reason: openAiFinishReason(result.finishReason),
              logprobs: null,
            },
          ],
          usage: openAiUsage(result.usage),
        },
        200,
        { [interactionIdHeader]: id },
      );
    }

    // NOTE: opening the stream (up to its first text) runs under the call policy like any other call:
    // a concurrency slot, the per-attempt timeout and retries. Once the first text has come, the reply
    // has started and cannot be retried; each later part must come within the idle timeout, and a
    // failure then ends the stream with an error event.
    let opened: OpenedStream;
    try {
      opened = await policy.run(target, (attemptSignal) => openStream(call, target, attemptSignal, context), {
        abortSignal: context.req.raw.signal,
      });
    } catch (error) {
      const passed = upstreamFailure(error);
      if (passed !== undefined) return passed;
      throw error;
    }
    const { parts, first, upstreamAbort } = opened;
    const next = (ms: number) => nextWithin(parts, ms, target, upstreamAbort);
    const includeUsage = request.stream_options?.include_usage === true;
    const base = { id: completionId, created, model: request.model };
    context.header(interactionIdHeader, id);
    return streamSSE(context, async (stream) => {
      const send = (chunk: ChatCompletionChunk | '[DONE]') =>
        stream.writeSSE({ data: typeof chunk === 'string' ? chunk : JSON.stringify(chunk) });
      let output = '';
      try {
        await send(completionChunk({ ...base, delta: { role: 'assistant', content: '' } }));
        for (let part = first; !part.done; part = await next(policy.idleTimeoutMs)) {
          const value = part.value;
          if (value.type === 'text-delta' && value.text !== '') {
            output += value.text;
            await send(completionChunk({ ...base, delta: { content: value.text } }));
          } else if (value.type === 'error') {
            throw toModelCallError(value.error, target);
          } else if (value.type === 'finish') {
            options.metrics.countTokens('chat', {
              inputTokens: value.totalUsage.inputTokens ?? 0,
              outputTokens: value.totalUsage.outputTokens ?? 0,
            });
            await record(output);
            const finishReason = openAiFinishReason(value.finishReason);
            await send(completionChunk({ ...base, delta: {}, finishReason }));
            if (includeUsage) await send(completionChunk({ ...base, usage: openAiUsage(value.totalUsage) }));
          }
        }
        await send('[DONE]');
      } catch (error) {
        options.logger.warn({ err: error, interactionId: id }, 'chat stream failed');
        await stream.writeSSE({ data: JSON.stringify(describeError(error).body) });
      }
    });
  });
}
