import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from './api-env.js';
import { errorResponses } from './api-env.js';
import { SampleList } from './api-schemas.js';
import type { Sample, SampleTask } from './sample-corpus.js';

const samplesRoute = createRoute({
  method: 'get',
  path: '/v1/samples',
  summary: 'Documents and notes from the built-in corpus, to try the service with',
  request: {
    query: z.object({
      task: z.enum(['summarization', 'email']).openapi({ param: { name: 'task', in: 'query' } }),
    }),
  },
  responses: {
    200: { description: 'Samples', content: { 'application/json': { schema: SampleList } } },
    ...errorResponses(400, 401),
  },
});

/** `GET /v1/samples?task=`. */
export function registerSampleRoutes(
  app: OpenAPIHono<ApiEnv>,
  samples: ((task: SampleTask) => Promise<Sample[]>) | undefined,
): void {
  app.openapi(samplesRoute, async (context) => {
    const list = samples === undefined ? [] : await samples(context.req.valid('query').task);
    return context.json({ samples: list }, 200);
  });
}
