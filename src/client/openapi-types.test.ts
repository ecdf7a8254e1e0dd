import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiTypesFile, generateApiTypes } from '../../scripts/generate-api-types.js';

describe('src/client/openapi-types.ts', () => {
  it(
    "is what openapi-typescript generates from the service's OpenAPI document today (else: npm run generate:api-types)",
    { timeout: 60_000 },
    async () => {
      const committed = await readFile(apiTypesFile, 'utf8');
      const fresh = await generateApiTypes();
      expect(committed.includes("'/v1/generate'")).toBe(true);
      // NOTE: not toBe(fresh): on a mismatch the diff of two 1,500-line strings hides the line that changed.
      expect(committed.split('\n')).toEqual(fresh.split('\n'));
    },
  );
});
