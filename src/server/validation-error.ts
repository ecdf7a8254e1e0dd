import type { z } from '@hono/zod-openapi';
import { InvalidInputError } from '../spec/index.js';

/**
 * The first problem zod found in a request, as an InvalidInputError naming the field (`task.name`,
 * `edited`, an unknown key, or `body` when the body as a whole is wrong).
 */
export function invalidInputFromZod(error: z.ZodError, target: string): InvalidInputError {
  const issue = error.issues[0];
  if (issue === undefined) return new InvalidInputError({ field: target === 'json' ? 'body' : target });
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const field = path === '' ? key : `${path}.${key}`;
    return new InvalidInputError({
      field,
      message: `unknown field ${JSON.stringify(field)}; remove it (see /openapi.json for the accepted fields)`,
    });
  }
  const field = path === '' ? (target === 'json' ? 'body' : target) : path;
  return new InvalidInputError({ field, message: `invalid ${field}: ${issue.message}` });
}
