/**
 * Rewrites the README's k-NN table (between `<!-- knn:start -->` and `<!-- knn:end -->`) from the output
 * of `npm run bench:knn` (its last line is JSON), and says which of issue 16's targets the 100,000 × 768
 * cases meet, so the figures are never typed by hand:
 *
 *   TAILOR_BENCH_POSTGRES_URL=postgres://... npm run bench:knn > knn.log
 *   npx tsx scripts/update-readme-knn.ts knn.log && npx prettier --write README.md
 */
import { lastJson, replaceReadmeSection } from './readme-section.js';

/** One case of `scripts/bench-knn.ts` (the fields this table uses). */
interface KnnCase {
  readonly store: 'memory' | 'sqlite' | 'postgres';
  readonly entries: number;
  readonly dimension: number;
  readonly coldMs: number;
  readonly coldFirstMs: number;
  readonly warmP50Ms: number;
  readonly warmP99Ms: number;
  readonly scanP50Ms?: number;
  readonly scanP99Ms?: number;
  readonly firstTouchMs?: number;
  readonly rssMb: number;
  readonly sameTopK: boolean;
}

const storeNames = { memory: 'in memory', sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;
/** Issue 16's targets at 100,000 entries of 768 dimensions: warm p99 per store, and cold for all. */
const warmP99TargetMs = { memory: 10, sqlite: 10, postgres: 20 } as const;
const coldTargetMs = 150;

const number = (value: number, digits = 1) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const optional = (value: number | undefined, digits = 2) =>
  value === undefined ? '–' : number(value, digits);

function knnSection(json: Record<string, unknown>): string {
  const results = json.results as KnnCase[];
  const lines = [
    `k = ${String(json.k)}, Node ${String(json.node)}` +
      (typeof json.loadAverage === 'number' ? `, load average ${number(json.loadAverage)} at the end` : '') +
      '; milliseconds.',
    '',
    '| store | entries | dimensions | cold | first query in the process | warm p50 | warm p99 | bare scan p50 | bare scan p99 | first touch of the codes’ memory | RSS (MB) | same top k as a float scan |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (result) =>
        `| ${storeNames[result.store]} | ${number(result.entries, 0)} | ${result.dimension} | ${number(result.coldMs)} | ` +
        `${number(result.coldFirstMs)} | ${number(result.warmP50Ms, 2)} | ${number(result.warmP99Ms, 2)} | ` +
        `${optional(result.scanP50Ms)} | ${optional(result.scanP99Ms)} | ${optional(result.firstTouchMs, 1)} | ` +
        `${number(result.rssMb, 0)} | ${result.sameTopK ? 'yes' : '**no**'} |`,
    ),
  ];
  const targets = results
    .filter((result) => result.entries === 100_000 && result.dimension === 768)
    .map((result) => {
      const warm = warmP99TargetMs[result.store];
      const met = (ok: boolean) => (ok ? 'met' : 'not met');
      return (
        `${storeNames[result.store]}: warm p99 ≤ ${warm} ms ${met(result.warmP99Ms <= warm)}, ` +
        `cold ≤ ${coldTargetMs} ms ${met(result.coldMs <= coldTargetMs)}` +
        (result.store === 'memory' || result.firstTouchMs === undefined
          ? ''
          : ` (first touch of the codes' memory alone: ${number(result.firstTouchMs)} ms)`)
      );
    });
  if (targets.length > 0) lines.push('', `Issue 16's targets at 100,000 × 768: ${targets.join('; ')}.`);
  return lines.join('\n');
}

const json = lastJson(process.argv[2]);
if (json === undefined) throw new Error('usage: tsx scripts/update-readme-knn.ts <log of npm run bench:knn>');
replaceReadmeSection('knn', 'scripts/update-readme-knn.ts', knnSection(json));
console.log('README.md: k-NN table updated');
