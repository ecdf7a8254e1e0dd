import type { RecordedRequest } from './recording-server.js';

/**
 * How a fake provider answers one model call:
 * - `text`: a normal completion (JSON, or SSE when the request asked to stream); token counts default
 *   to word counts of the prompt and the text;
 * - `error`: an HTTP error with the provider's error body and optional headers (e.g. `retry-after`);
 * - `hang`: never answers (the client must time out);
 * - `malformed`: status 200 with a body that is not valid JSON;
 * - `cut-stream`: starts answering, then the connection is destroyed mid-body;
 * - `stall-stream`: starts streaming (SSE), then sends nothing more and keeps the connection open.
 * `delayMs` waits before answering.
 */
export type ScriptedReply = (
  | {
      readonly type: 'text';
      readonly text: string;
      readonly inputTokens?: number;
      readonly outputTokens?: number;
      /** Report no token usage at all, as some servers do. */
      readonly noUsage?: boolean;
    }
  | {
      readonly type: 'error';
      readonly status: number;
      readonly message?: string;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly type: 'hang' }
  | { readonly type: 'malformed' }
  | { readonly type: 'cut-stream'; readonly text: string }
  | { readonly type: 'stall-stream'; readonly text: string }
) & { readonly delayMs?: number };

/** Chooses a reply for a request when the queue is empty. */
export type Responder = (request: RecordedRequest) => ScriptedReply;

/** A queue of scripted replies, consumed in order, with a fallback responder once empty. */
export class ReplyScript {
  private readonly queue: ScriptedReply[] = [];

  constructor(private readonly fallback: Responder) {}

  /** Answer the next requests with these replies, in order. */
  enqueue(...replies: readonly ScriptedReply[]): void {
    this.queue.push(...replies);
  }

  /** The reply for this request. */
  next(request: RecordedRequest): ScriptedReply {
    return this.queue.shift() ?? this.fallback(request);
  }
}
