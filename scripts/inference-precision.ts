/**
 * How precise a learner's inferred preferences are in the offline world: over a bench run's round logs,
 * the share of positive components inferred from an edit that belong to the true latent preference of
 * the round's source (built-in preference set `prelude`).
 * Run after a bench: `npx tsx scripts/inference-precision.ts bench-out` (every learner that inferred).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getPreferenceSet } from '../src/sim/preference-sets.js';
import { atomsForPreferenceText } from '../src/sim/preference-text.js';

const outDir = process.argv[2] ?? 'bench-out';
const truth = getPreferenceSet('prelude').preferences;

for (const task of ['summarization', 'email'] as const) {
  const folder = join(outDir, 'rounds', task);
  const learners = await readdir(folder).catch(() => [] as string[]);
  for (const learner of learners) {
    let right = 0;
    let all = 0;
    for (const file of (await readdir(join(folder, learner))).filter((name) => name.endsWith('.jsonl'))) {
      const lines = (await readFile(join(folder, learner, file), 'utf8')).trim().split('\n').filter(Boolean);
      for (const line of lines) {
        const round = JSON.parse(line) as { source: string; preferenceInferred: string | null };
        const wanted = truth[task][round.source];
        if (round.preferenceInferred === null || wanted === undefined) continue;
        const atoms = new Set(wanted.requirements.filter((item) => !item.avoid).map((item) => item.atom));
        for (const requirement of atomsForPreferenceText(round.preferenceInferred).requirements) {
          if (requirement.avoid) continue;
          all += 1;
          if (atoms.has(requirement.atom)) right += 1;
        }
      }
    }
    if (all > 0)
      process.stdout.write(`${task} ${learner}: ${(right / all).toFixed(2)} of ${all} inferred components\n`);
  }
}
