import { describe, expect, it } from 'vitest';
import type { RoundRecord } from '../round-record.js';
import { summarizeRun } from './summarize-run.js';

function record(round: number, cost: number, preferenceUsed: string | null, source = 'wiki'): RoundRecord {
  return {
    round,
    learner: 'cipher-5',
    source,
    contextId: `c${round}`,
    output: 'o',
    edited: cost === 0 ? 'o' : 'e',
    accepted: cost === 0,
    cost,
    preferenceUsed,
    preferenceInferred: null,
    neighbours: [],
    agentUsage: { inputTokens: 10 * round, outputTokens: round },
    userUsage: { inputTokens: 1000, outputTokens: 1000 },
    warnings: [],
  };
}

const truth: Record<string, string> = { wiki: 'bullet points', imdb: 'questions' };
const accuracy = {
  candidates: ['bullet points', 'questions'],
  truthOf: (round: RoundRecord) => truth[round.source] as string,
  similarity: (left: string, right: string) => (left === right ? 1 : 0),
};

describe('summarizeRun', () => {
  it('computes every per-run metric from the records', () => {
    const records = [
      record(1, 4, null),
      record(2, 0, 'bullet points'),
      record(3, 2, 'bullet points', 'imdb'),
      record(4, 0, 'questions', 'imdb'),
    ];
    const summary = summarizeRun(records, { binSize: 2, accuracy });
    expect(summary).toEqual({
      learner: 'cipher-5',
      rounds: 4,
      cumulativeCost: 6,
      cumulativeCurve: [4, 4, 6, 6],
      zeroEditRate: 0.5,
      zeroEditBins: [0.5, 0.5],
      binSize: 2,
      // Only agent tokens: 10+20+30+40 in, 1+2+3+4 out.
      expense: { inputTokens: 100, outputTokens: 10, totalTokens: 110 },
      accuracy: 0.5,
    });
  });

  it('reports no accuracy when none is asked for or no preference was ever used', () => {
    expect(summarizeRun([record(1, 1, 'questions')]).accuracy).toBeNull();
    expect(summarizeRun([record(1, 1, null)], { accuracy }).accuracy).toBeNull();
    expect(summarizeRun([record(1, 1, null)]).binSize).toBe(20);
  });
});
