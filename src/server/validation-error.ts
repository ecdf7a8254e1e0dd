import type { z } from '@hono/zod-openapi';
import { InvalidInputError } from '../spec/index.js';

/**
 * The first problem zod found in a request, as an InvalidInputError naming the field (`task.name`,
 * `edited`, an unknown key, or `body` when the body as a whole is wrong).
 */
export function invalidInputFromZod(error: z.ZodError, target: string): InvalidInputError {
  // NOTE: an unknown key is reported first: a misspelt field name also makes the right one "missing",
  // and the misspelling is what the caller has to fix.
  const issue = error.issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? error.issues[0];
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
