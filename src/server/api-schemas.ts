import { z } from '@hono/zod-openapi';
import { acceptedText, cleanText, isCleanText } from '../store/text-hygiene.js';

/**
 * The HTTP API's schemas: they validate requests and generate `/openapi.json` (OpenAPI 3.1), so the
 * document and the checks never disagree. Contract: /work/notes/api.md.
 */

/** Most characters of a user id, task name or context id. */
const maxIdLength = 200;

/**
 * Most characters of one text, per field: a context (article, notes), a user's edit, a preference and a
 * custom task's instruction. Bounding them bounds each request's work (embedding, token counting, edit
 * distance); a longer text is a 400 naming the field and its limit.
 */
export const textLimits = {
  context: 50_000,
  edited: 50_000,
  preference: 2_000,
  instruction: 4_000,
} as const;

/**
 * An identifier every store keeps as is: no NUL (PostgreSQL cannot store it) and no unpaired UTF-16
 * surrogate (SQLite and PostgreSQL would turn it into U+FFFD); either is a 400 naming the field, the
 * same on every store. Free texts are normalised instead (`boundedText`).
 */
function cleanString() {
  return z.string().refine(isCleanText, {
    error: `it holds a NUL (U+0000) character or an unpaired UTF-16 surrogate; send ${acceptedText}`,
  });
}

/**
 * A free text of at most `limit` characters whose 400 says the limit and the length sent. NUL
 * characters are dropped and unpaired surrogates become U+FFFD (`cleanText`), as every store does, so
 * the model and the stores see the same text.
 */
function boundedText(limit: number) {
  return z
    .string()
    .overwrite(cleanText)
    .max(limit, {
      error: (issue) =>
        `at most ${limit} characters are accepted; this one has ${String((issue.input as string).length)}`,
    });
}

/** An id, user or task name: 1 to `maxIdLength` characters, clean. */
function idString() {
  return cleanString().min(1).max(maxIdLength);
}

export const UserId = idString().openapi({ example: 'ada', description: 'End user id' });

export const ApiTask = z
  .union([
    z.enum(['summarization', 'email']),
    z.strictObject({
      name: cleanString().min(1).max(100),
      instruction: boundedText(textLimits.instruction).min(1),
    }),
  ])
  .openapi('Task', {
    description: 'A built-in task, or a custom one with its own instruction',
    example: 'email',
  });

/** A task key as stored: `summarization`, `email` or `custom:<name>` (a bare name means custom). */
export const TaskKeyQuery = idString()
  .optional()
  .openapi({ param: { name: 'task', in: 'query' }, example: 'summarization' });

export const GenerateRequest = z
  .strictObject({
    user: UserId,
    task: ApiTask,
    context: boundedText(textLimits.context)
      .min(1)
      .openapi({
        description: `The article, notes or other input to write from (at most ${textLimits.context} characters)`,
      }),
    contextId: idString().optional(),
  })
  .openapi('GenerateRequest');

export const Neighbour = z
  .object({
    entryId: z.string(),
    contextId: z.string().nullable(),
    contextPreview: z.string().nullable(),
    similarity: z.number(),
    preference: z.string().nullable(),
  })
  .openapi('Neighbour');

export const GenerateResponse = z
  .object({
    interactionId: z.string(),
    text: z.string(),
    preferenceUsed: z.string().nullable(),
    neighbours: z.array(Neighbour),
  })
  .openapi('GenerateResponse');

export const LearnRequest = z
  .strictObject({
    edited: boundedText(textLimits.edited).openapi({
      description: `The user's version of the draft (at most ${textLimits.edited} characters)`,
    }),
  })
  .openapi('LearnRequest');

export const LearnResponse = z
  .object({
    interactionId: z.string(),
    cost: z.number().int(),
    accepted: z.boolean(),
    status: z.enum(['learned', 'pending', 'failed']),
    inferredPreference: z.string().nullable(),
  })
  .openapi('LearnResponse');

const SpecTask = z.union([
  z.object({ kind: z.enum(['summarization', 'email']) }),
  z.object({ kind: z.literal('custom'), name: z.string(), instruction: z.string() }),
]);

export const Interaction = z
  .object({
    id: z.string(),
    tenant: z.string(),
    user: z.string(),
    task: SpecTask,
    contextId: z.string().nullable(),
    contextText: z.string(),
    output: z.string(),
    preferenceUsed: z.string().nullable(),
    neighbours: z.array(
      z.object({
        entryId: z.string(),
        contextId: z.string().nullable(),
        similarity: z.number(),
        preference: z.string().nullable(),
      }),
    ),
    learner: z.string(),
    createdAt: z.string(),
    edited: z.string().nullable(),
    editedAt: z.string().nullable(),
    cost: z.number().nullable(),
    status: z.enum(['awaiting-edit', 'pending', 'learned', 'failed']),
    preferenceInferred: z.string().nullable(),
    learnAttempts: z.number().int(),
    lastError: z.string().nullable(),
  })
  .openapi('Interaction', {
    description: 'An interaction as stored, without its context embedding (an internal vector)',
  });

/**
 * Page sizes of the list routes: without `limit` a list answers the default (the most it ever
 * answers), so a client that pages never misses rows and one that does not gets what it got before,
 * up to the maximum.
 */
export const pageLimits = {
  interactions: { default: 200, max: 200 },
  preferences: { default: 500, max: 500 },
} as const;

const NextCursor = z.string().nullable().openapi({
  description: 'Send as `cursor` for the next page; null on the last page',
  example: null,
});

/** The `limit` and `cursor` query parameters of a list route. */
export function pageQuery(limits: { readonly default: number; readonly max: number }) {
  return {
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(limits.max)
      .default(limits.default)
      .openapi({
        param: { name: 'limit', in: 'query' },
        description: `Most items in this page (1 to ${limits.max}; default ${limits.default})`,
        example: limits.default,
      }),
    cursor: cleanString()
      .min(1)
      .max(maxIdLength)
      .optional()
      .openapi({
        param: { name: 'cursor', in: 'query' },
        description: 'The `nextCursor` of the previous page (none: the first page)',
      }),
  };
}

export const InteractionList = z
  .object({ interactions: z.array(Interaction), nextCursor: NextCursor })
  .openapi('InteractionList');

export const Preference = z
  .object({
    id: z.string(),
    task: z.string().openapi({ description: 'Task key: summarization, email or custom:<name>' }),
    preference: z.string(),
    origin: z.enum(['inferred', 'kept', 'user', 'follow-up']),
    pinned: z.boolean(),
    contextId: z.string().nullable(),
    contextPreview: z.string().nullable(),
    interactionId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    pair: z.object({ original: z.string(), edited: z.string() }).nullable(),
  })
  .openapi('Preference');

export const PreferenceList = z
  .object({ preferences: z.array(Preference), nextCursor: NextCursor })
  .openapi('PreferenceList');

export const PreferenceComponent = z
  .object({
    component: z.string().openapi({ example: 'bullet points' }),
    mentions: z.number().int().openapi({ description: 'Learned or written entries that name it' }),
    supporting: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "The user's final texts that show it (null: the writer cannot check)" }),
    contradicting: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "The user's final texts that do not show it" }),
    lastSeen: z.string(),
    interactionIds: z.array(z.string()),
  })
  .openapi('PreferenceComponent');

export const ComponentList = z
  .object({ task: z.string(), components: z.array(PreferenceComponent) })
  .openapi('ComponentList');

export const AddPreferenceRequest = z
  .strictObject({
    task: z.union([ApiTask, idString()]),
    preference: boundedText(textLimits.preference).min(1),
    pinned: z.boolean().optional(),
  })
  .openapi('AddPreferenceRequest');

export const UpdatePreferenceRequest = z
  .strictObject({
    preference: boundedText(textLimits.preference).min(1).optional(),
    pinned: z.boolean().optional(),
  })
  .openapi('UpdatePreferenceRequest');

export const ForgetResponse = z.object({ deleted: z.number().int() }).openapi('ForgetResponse');

export const Sample = z.object({ id: z.string(), source: z.string(), text: z.string() }).openapi('Sample');
export const SampleList = z.object({ samples: z.array(Sample) }).openapi('SampleList');

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum([
        'invalid-input',
        'not-found',
        'conflict',
        'unauthorized',
        'forbidden',
        'payload-too-large',
        'rate-limited',
        'unprocessable',
        'model-call-failed',
        'internal',
      ]),
      message: z.string(),
      field: z.string().optional(),
    }),
  })
  .openapi('Error');

export const IdParam = z.object({
  id: idString().openapi({ param: { name: 'id', in: 'path' } }),
});
export const UserParam = z.object({ user: UserId.openapi({ param: { name: 'user', in: 'path' } }) });
export const UserPreferenceParams = UserParam.extend({
  id: idString().openapi({ param: { name: 'id', in: 'path' } }),
});
