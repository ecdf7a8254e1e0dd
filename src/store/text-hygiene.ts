import type { MemoryScope, NewInteraction, NewMemoryEntry } from '../spec/index.js';
import { InvalidInputError } from '../spec/index.js';

/**
 * One input hygiene for every store, so in-memory, SQLite and PostgreSQL treat the same texts the
 * same way. PostgreSQL cannot store U+0000 in `text` (the driver's query fails), and SQLite and the
 * `pg` driver silently turn an unpaired UTF-16 surrogate into U+FFFD while the in-memory stores keep
 * it. So an identifier (tenant, user, task, ids, context id) with either is refused
 * (InvalidInputError naming the field): it must match exactly or not at all. Free text (a context, an
 * edit, a preference, a draft, an error message) is normalised instead: NUL dropped, an unpaired
 * surrogate made U+FFFD, as a stray character pasted from a document should not cost a user's edit.
 */

// NOTE: NUL is the point (control characters are matched on purpose); then a high surrogate not
// followed by a low one, or a low one not preceded by a high one.
// eslint-disable-next-line no-control-regex
const badCharacter = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
// eslint-disable-next-line no-control-regex
const badCharacters = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** What the API and the stores accept in a text, for error messages. */
export const acceptedText = 'text without NUL (U+0000) characters or unpaired UTF-16 surrogates';

/** Whether a text can be stored as is by every store. */
export function isCleanText(value: string): boolean {
  return !badCharacter.test(value);
}

/**
 * Throws InvalidInputError naming the first field whose text holds a NUL or an unpaired surrogate
 * (absent and null values are skipped).
 */
export function checkTexts(fields: Readonly<Record<string, string | null | undefined>>): void {
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value !== 'string' || isCleanText(value)) continue;
    const index = value.search(badCharacter);
    throw new InvalidInputError({
      field,
      accepted: acceptedText,
      message: `invalid ${field}: it holds ${value[index] === '\u0000' ? 'a NUL (U+0000) character' : 'an unpaired UTF-16 surrogate'} at index ${index}; send ${acceptedText}`,
    });
  }
}

/** A text every store keeps as is: NUL characters dropped, unpaired surrogates as U+FFFD. */
export function cleanText(value: string): string {
  if (isCleanText(value)) return value;
  return value.replace(badCharacters, (found) => (found === '\u0000' ? '' : '\uFFFD'));
}

/** `cleanText` for a value that may be null. */
export function cleanNullableText(value: string | null): string | null {
  return value === null ? null : cleanText(value);
}

/** The texts of a memory scope, named as the port names them. */
export function scopeTexts(scope: MemoryScope): Record<string, string> {
  return { 'scope.tenant': scope.tenant, 'scope.user': scope.user, 'scope.task': scope.task };
}

/** `cleanText` for a value that may be absent. */
export function cleanOptionalText(value: string | undefined): string | undefined {
  return value === undefined ? undefined : cleanText(value);
}

/**
 * A new memory entry as every store keeps it: its identifiers checked (scope, context id, interaction
 * id), its texts normalised (context, preference, pair).
 */
export function hygienicEntry(entry: NewMemoryEntry): NewMemoryEntry {
  checkTexts({ ...scopeTexts(entry.scope), contextId: entry.contextId, interactionId: entry.interactionId });
  return {
    ...entry,
    contextText: cleanNullableText(entry.contextText),
    preference: cleanNullableText(entry.preference),
    pair:
      entry.pair === null
        ? null
        : { original: cleanText(entry.pair.original), edited: cleanText(entry.pair.edited) },
  };
}

/**
 * A new interaction as every store keeps it: its identifiers checked (id, tenant, user, task name,
 * context id, learner), its texts normalised (context, instruction, draft, preferences).
 */
export function hygienicInteraction(interaction: NewInteraction): NewInteraction {
  const task = interaction.task;
  checkTexts({
    id: interaction.id,
    tenant: interaction.tenant,
    user: interaction.user,
    'task.name': task.kind === 'custom' ? task.name : undefined,
    contextId: interaction.contextId,
    learner: interaction.learner,
  });
  return {
    ...interaction,
    task: task.kind === 'custom' ? { ...task, instruction: cleanText(task.instruction) } : task,
    contextText: cleanText(interaction.contextText),
    output: cleanText(interaction.output),
    preferenceUsed: cleanNullableText(interaction.preferenceUsed),
    neighbours: interaction.neighbours.map((neighbour) => ({
      ...neighbour,
      entryId: cleanText(neighbour.entryId),
      contextId: cleanNullableText(neighbour.contextId),
      preference: cleanNullableText(neighbour.preference),
    })),
  };
}
