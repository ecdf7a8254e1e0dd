import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InvalidInputError, type TokenUsage } from '../spec/index.js';

/** Dollars per million tokens of one model. */
export interface ModelPrice {
  readonly inputPerMillion: number;
  readonly outputPerMillion: number;
}

/** Prices keyed by spec (`openai:gpt-4o`). Tailor ships none: prices change, bring your own file. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

const priceTableSchema = z.record(
  z.string().min(1),
  z.strictObject({ inputPerMillion: z.number().nonnegative(), outputPerMillion: z.number().nonnegative() }),
);

/**
 * Validate a parsed price table (`{ "<provider:model>": { "inputPerMillion": n, "outputPerMillion": n } }`).
 * Throws InvalidInputError naming the first bad entry.
 */
export function parsePriceTable(value: unknown, source = 'price table'): PriceTable {
  const parsed = priceTableSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InvalidInputError({
    field: `${source}${issue?.path.length ? `: ${issue.path.join('.')}` : ''}`,
    accepted: '{ "<provider:model>": { "inputPerMillion": <dollars>, "outputPerMillion": <dollars> } }',
    message: `invalid ${source}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unreadable'}`,
  });
}

/** Read and validate a price table JSON file. */
export function loadPriceTable(path: string): PriceTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError({
      field: 'price table',
      value: path,
      accepted: 'a readable JSON file',
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError({ field: 'price table', value: path, accepted: 'valid JSON', cause: error });
  }
  return parsePriceTable(json, path);
}

/**
 * The dollars a usage cost for a model spec, or undefined when the table has no price for it. An
 * `openai-compatible:<model>@<url>` spec is looked up as written, then without its `@<url>`.
 *
 * @example
 * costInDollars(table, 'openai:gpt-4o', { inputTokens: 1_000_000, outputTokens: 0 }); // table's inputPerMillion
 */
export function costInDollars(table: PriceTable, spec: string, usage: TokenUsage): number | undefined {
  const price = table[spec] ?? table[spec.replace(/@https?:\/\/.*$/, '')];
  if (price === undefined) return undefined;
  return (
    (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) / 1_000_000
  );
}
