/**
 * An OpenAI-compatible server that answers at once (for `npm run bench:peer`): `/v1/chat/completions`
 * returns `instantAnswer`, or, when JSON is asked for (`response_format`), one extracted memory in the
 * shape mem0 reads; `/v1/embeddings` returns `hashedVector`s of `--dimensions`; `/v1/models` lists one
 * model; `GET /stats` counts the calls. Prints `listening <base URL>` on stdout.
 *
 * Usage: tsx scripts/instant-openai-server.ts [dimensions]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashedVector, instantAnswer } from './instant-model.js';

const dimensions = Number(process.argv[2] ?? 256);
const calls = { chat: 0, embeddings: 0, embeddedTexts: 0 };
const extracted = JSON.stringify({ memory: [{ id: '0', text: 'Prefers short, direct sentences' }] });

function unitVector(text: string): number[] {
  const vector = hashedVector(text, dimensions);
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

function chatCompletion(body: { model?: string; response_format?: { type?: string } }) {
  calls.chat += 1;
  const content = body.response_format?.type === undefined ? instantAnswer : extracted;
  return {
    id: `chatcmpl-${calls.chat}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model ?? 'instant',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 100, completion_tokens: 10, total_tokens: 110 },
  };
}

function embeddings(body: { model?: string; input: string | string[] }) {
  const inputs = typeof body.input === 'string' ? [body.input] : body.input;
  calls.embeddings += 1;
  calls.embeddedTexts += inputs.length;
  return {
    object: 'list',
    model: body.model ?? 'instant-embedding',
    data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: unitVector(text) })),
    usage: { prompt_tokens: inputs.length * 10, total_tokens: inputs.length * 10 },
  };
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const path = (request.url ?? '').replace(/\?.*$/, '');
    let answer: unknown;
    if (request.method === 'GET' && path === '/stats') answer = calls;
    else if (request.method === 'GET' && path.endsWith('/models')) {
      answer = { object: 'list', data: [{ id: 'instant', object: 'model', owned_by: 'bench' }] };
    } else if (path.endsWith('/chat/completions')) {
      answer = chatCompletion(JSON.parse(Buffer.concat(chunks).toString()) as never);
    } else if (path.endsWith('/embeddings')) {
      answer = embeddings(JSON.parse(Buffer.concat(chunks).toString()) as never);
    } else {
      response.writeHead(404).end();
      return;
    }
    const text = JSON.stringify(answer);
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    });
    response.end(text);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`listening http://127.0.0.1:${port}/v1\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
