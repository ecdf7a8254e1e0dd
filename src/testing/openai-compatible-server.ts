import type { ServerResponse } from 'node:http';
import {
  countWords,
  pause,
  sendJson,
  startEventStream,
  startRecordingServer,
  type RecordedRequest,
  type RecordingServer,
} from './recording-server.js';
import { ReplyScript, type Responder, type ScriptedReply } from './scripted-reply.js';

/**
 * A fake OpenAI-compatible API (OpenAI, Ollama's /v1, vLLM, llama.cpp server) on 127.0.0.1, answering
 * `POST /v1/chat/completions` (JSON or SSE), `POST /v1/embeddings` and `GET /v1/models` with trimmed
 * real response shapes. Chat and embedding replies are scripted separately.
 */
export interface FakeOpenAiCompatibleServer extends RecordingServer {
  /** `http://127.0.0.1:<port>/v1`, what `createOpenAI({ baseURL })` expects. */
  readonly baseURL: string;
  /** Script the next chat completions. */
  enqueueChat(...replies: readonly ScriptedReply[]): void;
  /** Script the next embedding calls (`text` replies are ignored: vectors come from `embed`). */
  enqueueEmbeddings(...replies: readonly ScriptedReply[]): void;
  /** Requests to one path, e.g. `/v1/chat/completions`. */
  requestsTo(path: string): RecordedRequest[];
}

export interface FakeOpenAiCompatibleServerOptions {
  /** Chat reply once the queue is empty; default: the text `fake reply`. */
  readonly respond?: Responder;
  /** Vector of one input; default: a hashed bag of words in 32 dimensions, not normalised. */
  readonly embed?: (text: string) => number[];
  /** Ids listed by `GET /v1/models`. */
  readonly models?: readonly string[];
}

/** Deterministic, unnormalised bag-of-words vector (similar texts get similar vectors). */
export function hashedBagOfWords(text: string, dimensions = 32): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let hash = 2166136261;
    for (const character of word) hash = Math.imul(hash ^ character.charCodeAt(0), 16777619) >>> 0;
    vector[hash % dimensions]! += 1 + (hash % 7);
  }
  return vector;
}

/** The text of every message of a chat request, joined (for default token counts and assertions). */
export function chatRequestText(body: unknown): string {
  const messages = (body as { messages?: { content: unknown }[] } | undefined)?.messages ?? [];
  return messages
    .map((message) =>
      typeof message.content === 'string'
        ? message.content
        : Array.isArray(message.content)
          ? message.content.map((part: { text?: string }) => part.text ?? '').join('')
          : '',
    )
    .join('\n');
}

function openAiError(response: ServerResponse, reply: Extract<ScriptedReply, { type: 'error' }>): void {
  const type =
    reply.status === 429 ? 'requests' : reply.status >= 500 ? 'server_error' : 'invalid_request_error';
  sendJson(
    response,
    reply.status,
    { error: { message: reply.message ?? `fake error ${reply.status}`, type, param: null, code: null } },
    { ...reply.headers },
  );
}

function chunk(id: string, model: string, choices: unknown[], usage: unknown = null): string {
  return `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1_741_570_283, model, system_fingerprint: 'fp_fake', choices, usage })}\n\n`;
}

async function answerChat(request: RecordedRequest, response: ServerResponse, reply: ScriptedReply) {
  const body = (request.body ?? {}) as { model?: string; stream?: boolean; stream_options?: unknown };
  const model = body.model ?? 'unknown-model';
  const id = `chatcmpl-fake${request.receivedAt}`;
  if (reply.type === 'error') return openAiError(response, reply);
  if (reply.type === 'hang') return;
  if (reply.type === 'malformed') {
    if (body.stream === true) {
      startEventStream(response);
      response.end(
        'data: {"id": "chatcmpl-broken", "object": "chat.completion.chunk", "choi\n\ndata: [DONE]\n\n',
      );
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"id": "chatcmpl-broken", "object": "chat.completion", "choices": [{"index": 0, "mess');
    return;
  }
  const text = reply.text;
  const inputTokens = reply.type === 'text' ? (reply.inputTokens ?? countWords(chatRequestText(body))) : 0;
  const outputTokens = reply.type === 'text' ? (reply.outputTokens ?? countWords(text)) : 0;
  const usage =
    reply.type === 'text' && reply.noUsage === true
      ? undefined
      : {
          prompt_tokens: inputTokens,
          completion_tokens: outputTokens,
          total_tokens: inputTokens + outputTokens,
        };
  if (body.stream === true) {
    startEventStream(response);
    response.write(
      chunk(id, model, [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]),
    );
    const pieces = text.match(/\S+\s*/g) ?? [];
    const partial = reply.type === 'cut-stream' || reply.type === 'stall-stream';
    const sent = partial ? pieces.slice(0, Math.ceil(pieces.length / 2)) : pieces;
    for (const piece of sent) {
      response.write(chunk(id, model, [{ index: 0, delta: { content: piece }, finish_reason: null }]));
    }
    if (reply.type === 'stall-stream') return;
    if (reply.type === 'cut-stream') {
      await pause(10);
      response.socket?.destroy();
      return;
    }
    response.write(chunk(id, model, [{ index: 0, delta: {}, finish_reason: 'stop' }]));
    if (body.stream_options !== undefined && usage !== undefined) response.write(chunk(id, model, [], usage));
    response.end('data: [DONE]\n\n');
    return;
  }
  const completion = JSON.stringify({
    id,
    object: 'chat.completion',
    created: 1_741_570_283,
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage,
    service_tier: 'default',
    system_fingerprint: 'fp_fake',
  });
  if (reply.type === 'cut-stream' || reply.type === 'stall-stream') {
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': String(completion.length),
    });
    response.write(completion.slice(0, completion.length >> 1));
    await pause(10);
    response.socket?.destroy();
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(completion);
}

function answerEmbeddings(
  request: RecordedRequest,
  response: ServerResponse,
  reply: ScriptedReply,
  embed: (text: string) => number[],
): void {
  if (reply.type === 'error') return openAiError(response, reply);
  if (reply.type === 'hang') return;
  if (reply.type === 'malformed' || reply.type === 'cut-stream' || reply.type === 'stall-stream') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"object": "list", "data": [{"object": "embedding", "embedding": [0.1, ');
    return;
  }
  const body = (request.body ?? {}) as { input?: string | string[]; model?: string };
  const inputs = typeof body.input === 'string' ? [body.input] : (body.input ?? []);
  const tokens = inputs.reduce((sum, input) => sum + countWords(input), 0);
  sendJson(response, 200, {
    object: 'list',
    data: inputs.map((input, index) => ({ object: 'embedding', index, embedding: embed(input) })),
    model: body.model ?? 'unknown-model',
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  });
}

/**
 * Start a fake OpenAI-compatible server. Close it in `afterEach`/`afterAll`.
 *
 * @example
 * const server = await startOpenAiCompatibleServer();
 * server.enqueueChat({ type: 'error', status: 429, headers: { 'retry-after': '1' } }, { type: 'text', text: 'Hi' });
 * const openai = createOpenAI({ baseURL: server.baseURL, apiKey: 'test' });
 */
export async function startOpenAiCompatibleServer(
  options: FakeOpenAiCompatibleServerOptions = {},
): Promise<FakeOpenAiCompatibleServer> {
  const chat = new ReplyScript(options.respond ?? (() => ({ type: 'text', text: 'fake reply' })));
  const embeddings = new ReplyScript(() => ({ type: 'text', text: '' }));
  const embed = options.embed ?? ((text: string) => hashedBagOfWords(text));
  const models = options.models ?? ['fake-model'];
  const server = await startRecordingServer(async (request, response) => {
    const route = `${request.method} ${request.path}`;
    if (route === 'GET /v1/models') {
      return sendJson(response, 200, {
        object: 'list',
        data: models.map((id) => ({ id, object: 'model', created: 1_686_935_002, owned_by: 'fake' })),
      });
    }
    const script =
      route === 'POST /v1/chat/completions' ? chat : route === 'POST /v1/embeddings' ? embeddings : null;
    if (script === null) {
      return openAiError(response, { type: 'error', status: 404, message: `no route ${route}` });
    }
    const reply = script.next(request);
    if (reply.delayMs !== undefined) await pause(reply.delayMs);
    if (script === chat) return answerChat(request, response, reply);
    return answerEmbeddings(request, response, reply, embed);
  });
  return Object.assign(server, {
    baseURL: `${server.url}/v1`,
    enqueueChat: (...replies: readonly ScriptedReply[]) => chat.enqueue(...replies),
    enqueueEmbeddings: (...replies: readonly ScriptedReply[]) => embeddings.enqueue(...replies),
    requestsTo: (path: string) => server.requests.filter((request) => request.path === path),
  });
}
