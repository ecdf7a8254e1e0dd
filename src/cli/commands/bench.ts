import { join } from 'node:path';
import { type Command, Option } from 'commander';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { defaultLearnerNames } from '../../core/index.js';
import { defaultWorkers } from '../../bench/default-workers.js';
import { provenanceBanner } from '../../bench/bench-summary.js';
import {
  parseAblations,
  parseFixedPreference,
  parsePositiveInteger,
  parseFeedback,
  parseProtocol,
  parseSeeds,
  parseTasks,
  parseTimeoutSeconds,
  splitList,
  withAblations,
} from '../../bench/parse-flags.js';
import { renderFootnotes, renderResultsTable } from '../../bench/results-table.js';
import { runBench, type BenchPlan, type BenchProgress } from '../../bench/run-bench.js';
import { validateBenchPlan } from '../../bench/validate-plan.js';
import { exitCodes } from '../cli-error.js';

interface BenchFlags {
  task: string;
  learners: string;
  rounds: string;
  seeds: string;
  preferences: string;
  corpus: string;
  out: string;
  writer: string;
  reviewer: string;
  embedder: string;
  cache: boolean;
  cacheFile: string;
  resume: boolean;
  workers: string;
  concurrency: string;
  progress: boolean;
  prices?: string;
  fixedPreference?: string;
  drift?: string;
  ablate?: string;
  timeout: string;
  failFast: boolean;
  protocol: string;
  feedback: string;
}

function planFrom(flags: BenchFlags): BenchPlan {
  return {
    tasks: parseTasks(flags.task),
    learners: withAblations(
      splitList('--learners', flags.learners, 'comma-separated learner names'),
      flags.ablate === undefined ? [] : parseAblations(flags.ablate),
    ),
    rounds: parsePositiveInteger('--rounds', flags.rounds),
    seeds: parseSeeds(flags.seeds),
    preferences: flags.preferences,
    corpus: flags.corpus,
    writer: flags.writer,
    reviewer: flags.reviewer,
    embedder: flags.embedder,
    cacheFile: flags.cache ? flags.cacheFile : null,
    outDir: flags.out,
    resume: flags.resume,
    workers: parsePositiveInteger('--workers', flags.workers, 64),
    concurrency: parsePositiveInteger('--concurrency', flags.concurrency, 256),
    binSize: 20,
    prices: flags.prices ?? null,
    fixedPreference: flags.fixedPreference === undefined ? null : parseFixedPreference(flags.fixedPreference),
    drift: flags.drift === undefined ? null : parsePositiveInteger('--drift', flags.drift),
    timeoutSeconds: parseTimeoutSeconds(flags.timeout),
    failFast: flags.failFast,
    protocol: parseProtocol(flags.protocol),
    feedback: parseFeedback(flags.feedback),
  };
}

/** Progress bars on a terminal; one line per finished job otherwise (logs, CI). */
function createProgress(enabled: boolean): BenchProgress & { stop(): void } {
  if (!enabled || !process.stderr.isTTY) {
    return {
      notice(line) {
        process.stderr.write(`${line}\n`);
      },
      jobQueued() {},
      roundDone() {},
      jobDone(key, outcome, reused) {
        const state = reused ? 'reused' : outcome.complete ? 'done' : 'stopped';
        process.stderr.write(
          `${key}: ${state} after ${outcome.summary.rounds} rounds, cost ${outcome.summary.cumulativeCost}\n`,
        );
      },
      stop() {},
    };
  }
  const bars = new MultiBar(
    {
      format: ' {bar} {percentage}% | {job} | {value}/{total} rounds | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
    },
    Presets.shades_classic,
  );
  const byKey = new Map<string, SingleBar>();
  return {
    notice(line) {
      bars.log(`${line}\n`);
    },
    jobQueued(key, rounds) {
      byKey.set(key, bars.create(rounds, 0, { job: key.padEnd(40) }));
    },
    roundDone(key, round) {
      byKey.get(key)?.update(round);
    },
    jobDone(key, outcome) {
      byKey.get(key)?.update(outcome.summary.rounds);
    },
    stop() {
      bars.stop();
    },
  };
}

/** `tailor bench`: the paper's experiments, offline by default, on any model with the same flags. */
export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description(
      "Run the paper's experiments (summarization, email writing) with simulated users and print the results table.\n" +
        'Defaults reproduce the paper: 200 rounds, seeds 0,1,2, every learner, the offline world.',
    )
    .option('--task <tasks>', 'summarization, email, or both comma-separated', 'summarization,email')
    .option('--learners <names>', 'comma-separated learners', defaultLearnerNames.join(','))
    .option('--rounds <n>', 'rounds per run (T)', '200')
    .option('--seeds <list>', 'comma-separated seeds', '0,1,2')
    .option(
      '--preferences <set|file>',
      'latent preferences: prelude, hard, or a JSON map file source → text',
      'prelude',
    )
    .option(
      '--corpus <builtin|file>',
      'contexts: the built-in corpus or a JSONL file {id, source, text}',
      'builtin',
    )
    .option('--out <dir>', 'folder for logs, summaries, figures and report.html', 'bench-out')
    .option(
      '--writer <spec>',
      'agent model: sim (offline), openai:<model>, anthropic:<model>, ollama:<model>, openai-compatible:<model>@<url>',
      'sim',
    )
    .option('--reviewer <spec>', 'simulated user: sim (rule-based) or a model spec as for --writer', 'sim')
    .option(
      '--embedder <spec>',
      'context embedder: lexical, openai:<model>, ollama:<model>, openai-compatible:<model>@<url>',
      'lexical',
    )
    .option('--no-cache', 'call models every time instead of using the response cache')
    .addOption(
      new Option('--cache-file <path>', 'SQLite file of the response cache').default(
        join('.tailor', 'cache.sqlite'),
      ),
    )
    .option(
      '--resume',
      'reuse the finished runs already in --out (with the cache, a stopped LLM run resumes for free)',
      false,
    )
    .option('--workers <n>', 'worker threads for the offline world', String(defaultWorkers()))
    .option('--concurrency <n>', 'runs in flight at once when models are called', '4')
    .option(
      '--fixed-preference <text>',
      "the one preference text of the fixed learner (default: the union of the task's latent preferences)",
    )
    .option(
      '--drift <round>',
      "from this round on, each source's latent preference becomes the next source's (a changed mind)",
    )
    .option(
      '--ablate <parts>',
      'also run each refine-verify-K without these parts: refine, verify, recency (comma-separated)',
    )
    .option(
      '--protocol <name>',
      "tailor (our prompts) or paper (the paper's prompt structure, a system prompt, temperature 0, top_p 0.95, max 4000 tokens)",
      'tailor',
    )
    .option(
      '--feedback <kind>',
      'how the simulated user corrects a draft: edit (the paper) or follow-ups (a chat: it replies "no bullet points, please" until the answer suits it; counts follow-ups per conversation)',
      'edit',
    )
    .option(
      '--timeout <seconds>',
      'time allowed for one model call (each attempt; retried up to 4 times)',
      '60',
    )
    .option(
      '--fail-fast',
      'stop at the first round whose model answer stays unusable (by default it is recorded as failed and the run goes on)',
      false,
    )
    .option('--no-progress', 'no progress bars')
    .option(
      '--prices <file>',
      'price table JSON { "<provider:model>": { inputPerMillion, outputPerMillion } } to report the agent cost in dollars',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ tailor bench                                       # both tasks, every learner, offline world
  $ tailor bench --task email --learners cipher-5,no-learning,oracle --rounds 50 --seeds 0
  $ tailor bench --preferences hard --out bench-hard
  $ tailor bench --learners refine-verify-5,cipher-5,no-learning,oracle --ablate refine,verify,recency
  $ tailor bench --task summarization --drift 100 --learners refine-verify-5,cipher-5
  $ tailor bench --task summarization --feedback follow-ups --learners follow-ups-5,cipher-5,no-learning,oracle
  $ tailor bench --learners fixed,cipher-5,no-learning,oracle --fixed-preference "brief, bullet points"
  $ tailor bench --task summarization --writer openai:gpt-4o --reviewer openai:gpt-4o \\
      --embedder openai:text-embedding-3-small --rounds 10

Offline numbers come from a rule-based world; they are not measurements of any LLM.`,
    )
    .action(async (flags: BenchFlags) => {
      const plan = planFrom(flags);
      const { warnings } = await validateBenchPlan(plan);
      const controller = new AbortController();
      let interrupts = 0;
      const onInterrupt = () => {
        interrupts += 1;
        if (interrupts > 1) process.exit(exitCodes.interrupted);
        process.stderr.write(
          '\nStopping: calls in flight are cancelled; finished runs and rounds are kept for --resume (Ctrl-C again to quit now).\n',
        );
        controller.abort();
      };
      process.on('SIGINT', onInterrupt);
      const progress = createProgress(flags.progress);
      const started = Date.now();
      let summaries;
      try {
        summaries = await runBench(plan, { progress, abortSignal: controller.signal, warnings });
      } finally {
        progress.stop();
        process.off('SIGINT', onInterrupt);
      }
      // NOTE: loaded after the run: the chart library is a large import the run never needs.
      const { writeBenchReport } = await import('../../bench/write-report.js');
      const written = await writeBenchReport(plan.outDir, summaries, 'tailor bench');
      for (const summary of summaries) {
        process.stdout.write(
          `\n${summary.task} (${summary.rounds} rounds, seeds ${summary.seeds.join(',')}, preferences ${summary.preferences})\n`,
        );
        process.stdout.write(`${renderResultsTable(summary)}\n`);
        process.stdout.write(renderFootnotes(summary));
      }
      const first = summaries[0];
      if (first) process.stdout.write(`\n${provenanceBanner(first.provenance)}\n`);
      process.stdout.write(`Report: ${written.at(-1)} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
      if (controller.signal.aborted) process.exitCode = exitCodes.interrupted;
    });
}
