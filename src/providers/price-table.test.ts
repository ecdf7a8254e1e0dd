import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../spec/index.js';
import { costInDollars, loadPriceTable, parsePriceTable } from './price-table.js';

// Example prices for the tests only: not current prices of any provider.
const table = parsePriceTable({
  'openai:example-model': { inputPerMillion: 2, outputPerMillion: 8 },
  'openai-compatible:local-model': { inputPerMillion: 0, outputPerMillion: 0 },
});

describe('price table', () => {
  it('prices input and output tokens per million', () => {
    expect(
      costInDollars(table, 'openai:example-model', { inputTokens: 500_000, outputTokens: 250_000 }),
    ).toBe(3);
  });

  it('finds an openai-compatible spec without its URL, and returns undefined for unknown models', () => {
    const usage = { inputTokens: 10, outputTokens: 10 };
    expect(costInDollars(table, 'openai-compatible:local-model@http://127.0.0.1:8000/v1', usage)).toBe(0);
    expect(costInDollars(table, 'anthropic:unknown', usage)).toBeUndefined();
  });

  it('rejects bad entries naming them', () => {
    expect(() => parsePriceTable({ 'openai:x': { inputPerMillion: -1, outputPerMillion: 1 } })).toThrow(
      /openai:x/,
    );
    expect(() => parsePriceTable({ 'openai:x': { input: 1 } })).toThrow(InvalidInputError);
    expect(() => parsePriceTable([1, 2])).toThrow(InvalidInputError);
  });

  it('loads a JSON file and reports unreadable ones', () => {
    const folder = mkdtempSync(join(tmpdir(), 'tailor-prices-'));
    try {
      const path = join(folder, 'prices.json');
      writeFileSync(
        path,
        JSON.stringify({ 'openai:example-model': { inputPerMillion: 1, outputPerMillion: 2 } }),
      );
      expect(loadPriceTable(path)['openai:example-model']).toEqual({
        inputPerMillion: 1,
        outputPerMillion: 2,
      });
      writeFileSync(path, '{ not json');
      expect(() => loadPriceTable(path)).toThrow(/valid JSON/);
      expect(() => loadPriceTable(join(folder, 'missing.json'))).toThrow(/readable JSON file/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
