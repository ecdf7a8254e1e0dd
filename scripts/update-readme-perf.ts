/**
 * Rewrites the README's performance tables (between `<!-- perf:start -->` and `<!-- perf:end -->`) from
 * the outputs of `npm run bench:load -- --instant`, `npm run bench:peer` and `npm run bench:speed` (the
 * last line of each is JSON), so the figures are never typed by hand:
 *
 *   npm run bench:load -- --instant > instant.log; npm run bench:peer > peer.log
 *   npm run bench:speed > speed.log; npx tsx scripts/update-readme-perf.ts instant.log peer.log speed.log
 *   npx prettier --write README.md
 *
 * A log that is missing or has no JSON last line keeps the README's current table for its script (the
 * note under the marker says which); with none there, the table is left out, saying so.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { queuedText, type InstantRow } from './load-bench-instant.js';
import { lastJson } from './readme-section.js';

const readmePath = 'README.md';
const start = '<!-- perf:start -->';
const end = '<!-- perf:end -->';

const number = (value: number, digits = 1) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const load = (value: unknown) => (typeof value === 'number' ? `, load average ${number(value)}` : '');

function instantSection(json: Record<string, unknown>): string {
  const rows = json.instant as InstantRow[];
  const lines = [
    `HTTP (\`tailor serve\`'s app, SQLite \`synchronous=${String(json.sqliteSynchronous)}\`, model calls in flight per tenant: ${json.tenantConcurrency === null || json.tenantConcurrency === undefined ? 'the default' : String(json.tenantConcurrency)}) and the library in one process, ${String(json.seconds)} s per row${load(json.loadAverage)}:`,
    '',
    '| path | connections | generate calls/s | generate p50 / p99 (ms) | learn calls/s | learn p50 / p99 (ms) | CPU ms per call | load generator CPU ms per call | model calls queued for a slot | errors |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.path} | ${row.connections} | ${number(row.generate.perSecond, 0)} | ${number(row.generate.p50)} / ${number(row.generate.p99)} | ${number(row.learn.perSecond, 0)} | ${number(row.learn.p50)} / ${number(row.learn.p99)} | ${row.cpuMsPerCall === undefined ? 'n/a' : number(row.cpuMsPerCall, 2)} | ${row.path === 'library' ? 'in process' : row.clientCpuMsPerCall === undefined ? 'n/a' : number(row.clientCpuMsPerCall, 2)} | ${queuedText(row)} | ${row.generate.errors + row.learn.errors} |`,
    ),
    '',
    '| connections | HTTP adds to generate p50 (ms) | HTTP adds to learn p50 (ms) | HTTP adds CPU per call (ms) |',
    '|---|---|---|---|',
  ];
  for (const connections of [...new Set(rows.map((row) => row.connections))]) {
    const http = rows.find((row) => row.path === 'http' && row.connections === connections);
    const library = rows.find((row) => row.path === 'library' && row.connections === connections);
    if (http === undefined || library === undefined) continue;
    lines.push(
      `| ${connections} | ${number(http.generate.p50 - library.generate.p50)} | ${number(http.learn.p50 - library.learn.p50)} | ${http.cpuMsPerCall === undefined || library.cpuMsPerCall === undefined ? 'n/a' : number(http.cpuMsPerCall - library.cpuMsPerCall, 2)} |`,
    );
  }
  return lines.join('\n');
}

function peerSection(json: Record<string, unknown>): string {
  const results = json.results as Record<string, { tailor: number; mem0: number; unit: string }>;
  const lines = [
    `mem0ai ${String(json.mem0)}, ${String(json.calls)} calls per operation, ${String(json.callers)} callers for ${String(json.seconds)} s, ${number(Number(json.items), 0)} entries of one user${load(json.loadAverage)}:`,
    '',
    '| operation | Tailor | mem0 | Tailor/mem0 (time per call) |',
    '|---|---|---|---|',
  ];
  for (const [name, result] of Object.entries(results)) {
    // NOTE: a rate (per second) inverts: the ratio is always of time per call, below 1 when Tailor is faster.
    const ratio = result.unit === '/s' ? result.mem0 / result.tailor : result.tailor / result.mem0;
    lines.push(
      `| ${name} | ${number(result.tailor, 2)} ${result.unit} | ${number(result.mem0, 2)} ${result.unit} | ${number(ratio, 3)} |`,
    );
  }
  return lines.join('\n');
}

function speedSection(json: Record<string, unknown>): string {
  const sweep = json.sweep as {
    seconds: number;
    cpuSeconds: number;
    rounds: number;
    roundsPerSecond: number;
    peakRssMiB: number;
    workers: number;
    loadAverage: number;
  };
  return (
    `The full offline sweep (both tasks × every default learner × seeds 0–2 × 200 rounds = ${number(sweep.rounds, 0)} rounds) took ` +
    `**${number(sweep.seconds)} s** wall, ${number(sweep.cpuSeconds)} s of CPU, with ${sweep.workers} worker thread(s) ` +
    `(${number(sweep.roundsPerSecond, 0)} rounds/s, peak RSS ${number(sweep.peakRssMiB, 0)} MiB${load(sweep.loadAverage)}).`
  );
}

/**
 * The README's current section of `command` (its header line to the next command's header), so that a
 * script not run for this update keeps its last figures; undefined when the README has none.
 */
function currentSection(block: string, command: string, commands: readonly string[]): string | undefined {
  const from = block.indexOf(`\n${command}\n`);
  if (from < 0) return undefined;
  const next = commands
    .map((other) => block.indexOf(`\n${other}`, from + command.length + 1))
    .filter((index) => index > from);
  const to = Math.min(block.indexOf(end, from), ...next);
  return block.slice(from + 1, to).trim();
}

const readme = readFileSync(readmePath, 'utf8');
const from = readme.indexOf(start);
const to = readme.indexOf(end);
if (from < 0 || to < from) throw new Error(`README.md has no ${start} ... ${end} section`);

const [instantLog, peerLog, speedLog] = process.argv.slice(2);
const parts: [string, Record<string, unknown> | undefined, (json: Record<string, unknown>) => string][] = [
  ['`npm run bench:load -- --instant`', lastJson(instantLog), instantSection],
  ['`npm run bench:peer`', lastJson(peerLog), peerSection],
  ['`npm run bench:speed`', lastJson(speedLog), speedSection],
];
const commands = parts.map(([command]) => command);
const kept: string[] = [];
const sections = parts.map(([command, json, render]) => {
  if (json !== undefined) return `${command}\n\n${render(json)}`;
  const current = currentSection(readme.slice(from, to + end.length), command, commands);
  if (current === undefined || current.endsWith('not run for this update.')) {
    return `${command}: not run for this update.`;
  }
  kept.push(command);
  return current;
});
const keptNote = kept.length === 0 ? '' : ` (${kept.join(', ')}: kept from an earlier update)`;
const generated =
  `${start}\n\n_Generated by \`scripts/update-readme-perf.ts\` from the scripts' last JSON lines on ${new Date().toISOString().slice(0, 10)}${keptNote}; do not edit by hand._\n\n` +
  `${sections.join('\n\n')}\n\n${end}`;
writeFileSync(readmePath, readme.slice(0, from) + generated + readme.slice(to + end.length));
console.log(`README.md: performance tables updated (${sections.length} parts)`);
