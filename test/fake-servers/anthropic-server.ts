import type { ServerResponse } from 'node:http';
import {
  countWords,
  pause,
  sendJson,
  startEventStream,
  startRecordingServer,
  type RecordedRequest,
  type RecordingServer,
} from '../../src/testing/recording-server.js';
import { ReplyScript, type Responder, type ScriptedReply } from '../../src/testing/scripted-reply.js';

/**
 * A fake Anthropic API on 127.0.0.1: `POST /v1/messages` (JSON or SSE) and `GET /v1/models`, with
 * trimmed real response shapes and Anthropic's error bodies.
 */
export interface FakeAnthropicServer extends RecordingServer {
  /** `http://127.0.0.1:<port>/v1`, what `createAnthropic({ baseURL })` expects. */
  readonly baseURL: string;
  /** Script the next message calls. */
  enqueueMessages(...replies: readonly ScriptedReply[]): void;
  requestsTo(path: string): RecordedRequest[];
}

/** The text of a Messages API request (system and every message), joined. */
export function messagesRequestText(body: unknown): string {
  const request = (body ?? {}) as { system?: unknown; messages?: { content: unknown }[] };
  const textOf = (content: unknown): string =>
    typeof content === 'string'
      ? content
      : Array.isArray(content)
        ? content.map((part: { text?: string }) => part.text ?? '').join('')
        : '';
  return [textOf(request.system), ...(request.messages ?? []).map((message) => textOf(message.content))]
    .filter((text) => text !== '')
    .join('\n');
}

function anthropicError(response: ServerResponse, reply: Extract<ScriptedReply, { type: 'error' }>): void {
  const type =
    reply.status === 429
      ? 'rate_limit_error'
      : reply.status === 529
        ? 'overloaded_error'
        : reply.status >= 500
          ? 'api_error'
          : reply.status === 401
            ? 'authentication_error'
            : 'invalid_request_error';
  sendJson(
    response,
    reply.status,
    { type: 'error', error: { type, message: reply.message ?? `fake error ${reply.status}` } },
    { 'request-id': 'req_fake', ...reply.headers },
  );
}

function event(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

async function answerMessages(request: RecordedRequest, response: ServerResponse, reply: ScriptedReply) {
  const body = (request.body ?? {}) as { model?: string; stream?: boolean };
  const model = body.model ?? 'unknown-model';
  const id = `msg_fake${request.receivedAt}`;
  if (reply.type === 'error') return anthropicError(response, reply);
  if (reply.type === 'hang') return;
  if (reply.type === 'malformed') {
    if (body.stream === true) {
      startEventStream(response);
      response.end('event: message_start\ndata: {"type": "message_start", "message": {"id": "msg_bro\n\n');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"id": "msg_broken", "type": "message", "content": [{"type": "te');
    return;
  }
  const inputTokens =
    reply.type === 'text' ? (reply.inputTokens ?? countWords(messagesRequestText(body))) : 0;
  const outputTokens = reply.type === 'text' ? (reply.outputTokens ?? countWords(reply.text)) : 0;
  if (body.stream === true) {
    startEventStream(response);
    response.write(
      event('message_start', {
        type: 'message_start',
        message: {
          id,
          type: 'message',
          role: 'assistant',
          content: [],
          model,
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: inputTokens, output_tokens: 1 },
        },
      }),
    );
    response.write(
      event('content_block_start', {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'text', text: '' },
      }),
    );
    response.write(event('ping', { type: 'ping' }));
    const pieces = reply.text.match(/\S+\s*/g) ?? [];
    const sent = reply.type === 'cut-stream' ? pieces.slice(0, Math.ceil(pieces.length / 2)) : pieces;
    for (const piece of sent) {
      response.write(
        event('content_block_delta', {
          type: 'content_block_delta',
          index: 0,
          delta: { type: 'text_delta', text: piece },
        }),
      );
    }
    if (reply.type === 'cut-stream') {
      await pause(10);
      response.socket?.destroy();
      return;
    }
    response.write(event('content_block_stop', { type: 'content_block_stop', index: 0 }));
    response.write(
      event('message_delta', {
        type: 'message_delta',
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: { output_tokens: outputTokens },
      }),
    );
    response.end(event('message_stop', { type: 'message_stop' }));
    return;
  }
  const message = JSON.stringify({
    id,
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'text', text: reply.text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: {
      input_tokens: inputTokens,
      output_tokens: outputTokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      service_tier: 'standard',
    },
  });
  if (reply.type === 'cut-stream') {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(message.length) });
    response.write(message.slice(0, message.length >> 1));
    await pause(10);
    response.socket?.destroy();
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_fake' });
  response.end(message);
}

/**
 * Start a fake Anthropic server. Close it when done.
 *
 * @example
 * const server = await startAnthropicServer({ respond: () => ({ type: 'text', text: 'Hello' }) });
 * const anthropic = createAnthropic({ baseURL: server.baseURL, apiKey: 'test' });
 */
export async function startAnthropicServer(
  options: { readonly respond?: Responder; readonly models?: readonly string[] } = {},
): Promise<FakeAnthropicServer> {
  const messages = new ReplyScript(options.respond ?? (() => ({ type: 'text', text: 'fake reply' })));
  const models = options.models ?? ['claude-fake'];
  const server = await startRecordingServer(async (request, response) => {
    const route = `${request.method} ${request.path}`;
    if (route === 'GET /v1/models') {
      return sendJson(response, 200, {
        data: models.map((id) => ({
          type: 'model',
          id,
          display_name: id,
          created_at: '2025-01-01T00:00:00Z',
        })),
        has_more: false,
        first_id: models[0] ?? null,
        last_id: models.at(-1) ?? null,
      });
    }
    if (route !== 'POST /v1/messages') {
      return anthropicError(response, { type: 'error', status: 404, message: `no route ${route}` });
    }
    const reply = messages.next(request);
    if (reply.delayMs !== undefined) await pause(reply.delayMs);
    return answerMessages(request, response, reply);
  });
  return Object.assign(server, {
    baseURL: `${server.url}/v1`,
    enqueueMessages: (...replies: readonly ScriptedReply[]) => messages.enqueue(...replies),
    requestsTo: (path: string) => server.requests.filter((request) => request.path === path),
  });
}
