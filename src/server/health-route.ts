import { readFileSync } from 'node:fs';
import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from './api-env.js';

/**
 * The package's name and version from its package.json (two folders up from this file, in the sources
 * and in the build): the OpenAPI document's `info` names the same package as the README and the CLI.
 */
export function packageIdentity(): { readonly name: string; readonly version: string } {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    name?: string;
    version?: string;
  };
  return { name: manifest.name ?? 'tailor', version: manifest.version ?? '0.0.0' };
}

const Health = z
  .object({
    status: z.literal('ok'),
    learner: z.string().openapi({ example: 'cipher-5' }),
    writer: z
      .string()
      .optional()
      .openapi({ description: '`provider:model`; `tailor-offline:…` for the offline rule-based writer' }),
    store: z.string().optional().openapi({ example: 'sqlite' }),
  })
  .catchall(z.string())
  .openapi('Health');

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  summary: 'The service is up; which learner, writer and store it runs (no API key needed)',
  responses: { 200: { description: 'Up', content: { 'application/json': { schema: Health } } } },
});

/** `GET /healthz`: `status: ok`, the learner, and the extra facts the service was given. */
export function registerHealthRoute(
  app: OpenAPIHono<ApiEnv>,
  facts: { readonly learner: string; readonly extra: Readonly<Record<string, string>> | undefined },
): void {
  app.openapi(healthRoute, (context) =>
    context.json({ status: 'ok' as const, learner: facts.learner, ...facts.extra }, 200),
  );
}
