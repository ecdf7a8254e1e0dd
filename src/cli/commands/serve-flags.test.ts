import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../spec/index.js';
import { rejectionOf } from '../../testing/rejection-of.js';
import { createProgram } from '../program.js';

/** `tailor serve <flags>` parsed and run until it fails; the flags below fail before anything opens. */
function serveFailure(...flags: string[]): Promise<InvalidInputError> {
  const program = createProgram().exitOverride();
  return rejectionOf(program.parseAsync(['node', 'tailor', 'serve', ...flags]), InvalidInputError.isInstance);
}

describe('tailor serve: model calls in flight', () => {
  it('refuses a --model-concurrency that is not a number or provider=number list, naming the flag', async () => {
    for (const value of ['0', 'many', 'openai=0', 'openai:8']) {
      const error = await serveFailure('--model-concurrency', value);
      expect(error.field).toBe('--model-concurrency');
      expect(error.message).toMatch(/provider=number/);
    }
  });

  it('refuses a negative or fractional --tenant-model-concurrency', async () => {
    for (const value of ['-1', '2.5', 'all']) {
      expect((await serveFailure('--tenant-model-concurrency', value)).field).toBe(
        '--tenant-model-concurrency',
      );
    }
  });
});

describe('tailor serve: --port', () => {
  it('refuses a port that is not a whole number from 0 to 65535, naming the flag and the range', async () => {
    for (const value of ['65536', '-1', '80.5', '1e3', 'http']) {
      const error = await serveFailure('--port', value);
      expect(error.field).toBe('--port');
      expect(error.message).toMatch(/0 to 65535/);
    }
  });
});
