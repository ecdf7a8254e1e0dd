/**
 * Rewrites the README's "How the offline world judges" examples (between `<!-- world:start -->` and
 * `<!-- world:end -->`) from the offline world itself: one draft and the simulated user's edit for
 * each kind of edit, with its cost. Run by `npm run world:examples`; `--print` only prints.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { wordEditDistance } from '../src/core/index.js';
import type { Context, Task } from '../src/spec/index.js';
import { unmetRequirements } from '../src/sim/atoms/apply-requirements.js';
import { requirementKey } from '../src/sim/atoms/atom-requirement.js';
import { unwantedAtoms } from '../src/sim/atoms/unwanted-atoms.js';
import { loadBuiltinCorpus } from '../src/sim/corpus.js';
import { OfflineWriter } from '../src/sim/offline-writer.js';
import { getPreferenceSet } from '../src/sim/preference-sets.js';
import { simulatedUserFor } from '../src/sim/simulated-user.js';

const start = '<!-- world:start -->';
const end = '<!-- world:end -->';

interface Example {
  readonly title: string;
  readonly task: Task;
  readonly context: Context;
  readonly guidance?: string;
  readonly writer: OfflineWriter;
}

async function render(example: Example): Promise<string> {
  const { task, context, writer } = example;
  const user = simulatedUserFor(getPreferenceSet('prelude'), task);
  const latent = user.latentPreference(context, task);
  const guidance =
    example.guidance === undefined
      ? undefined
      : ({ kind: 'preference', preference: example.guidance } as const);
  const { text } = await writer.generate({ task, context, guidance });
  const review = await user.review({ task, context, output: text });
  const missing = unmetRequirements(text, task, latent.requirements).map(requirementKey);
  const unwanted = unwantedAtoms(text, task, latent.requirements, context.text).map((atom) => atom.id);
  const verdict = review.accepted
    ? 'accepted, cost 0'
    : `edited, cost ${wordEditDistance(text, review.edited)} (missing: ${missing.join(', ') || 'none'}; ` +
      `unwanted: ${unwanted.join(', ') || 'none'})`;
  const fence = (body: string) => `\`\`\`text\n${body}\n\`\`\``;
  return [
    `**${example.title}** — ${task.kind}, source \`${context.source}\` (user's latent preference: "${latent.text}"); ` +
      `drafted ${example.guidance === undefined ? 'with no preference' : `with "${example.guidance}"`}; ${verdict}.`,
    '',
    'Draft:',
    '',
    fence(text),
    ...(review.accepted ? [] : ['', 'The user’s edit:', '', fence(review.edited)]),
  ].join('\n');
}

async function main(): Promise<void> {
  const [summaries, emails] = await Promise.all([
    loadBuiltinCorpus('summarization'),
    loadBuiltinCorpus('email'),
  ]);
  const pick = (contexts: readonly Context[], source: string, index = 0): Context => {
    const found = contexts.filter((context) => context.source === source)[index];
    if (found === undefined) throw new Error(`no context of source ${source}`);
    return found;
  };
  const perfect = new OfflineWriter({ missRate: 0 });
  const summarization: Task = { kind: 'summarization' };
  const email: Task = { kind: 'email' };
  const prelude = getPreferenceSet('prelude').preferences;
  // The first oracle draft of an email source that the miss model spoils (seed 0).
  const imperfect = new OfflineWriter({ seed: 0 });
  let missed: Context | undefined;
  for (const context of emails.filter((candidate) => candidate.source === 'paper-summary')) {
    const preference = prelude.email['paper-summary']?.text ?? '';
    const { text } = await imperfect.generate({
      task: email,
      context,
      guidance: { kind: 'preference', preference },
    });
    const review = await simulatedUserFor(getPreferenceSet('prelude'), email).review({
      task: email,
      context,
      output: text,
    });
    if (!review.accepted) {
      missed = context;
      break;
    }
  }
  const examples: Example[] = [
    {
      title: 'The user adds what its preference asks for',
      task: summarization,
      context: pick(summaries, 'encyclopedia'),
      writer: perfect,
    },
    {
      title: 'The user removes marked features it did not ask for',
      task: summarization,
      context: pick(summaries, 'news'),
      guidance: prelude.summarization['paper-abstract']?.text,
      writer: perfect,
    },
    {
      title: 'A professional tone rules out exclamation marks',
      task: email,
      context: pick(emails, 'paper-tweet', 1),
      guidance: 'engaging, personalized, thankful closing, exclamation marks',
      writer: perfect,
    },
    ...(missed === undefined
      ? []
      : [
          {
            title: 'Even the oracle pays: the writer missed a requirement',
            task: email,
            context: missed,
            guidance: prelude.email['paper-summary']?.text,
            writer: imperfect,
          },
        ]),
    {
      title: 'A draft in the user’s style is accepted',
      task: email,
      context: pick(emails, 'personal-problem'),
      guidance: prelude.email['personal-problem']?.text,
      writer: perfect,
    },
  ];
  const rendered = (await Promise.all(examples.map(render))).join('\n\n');
  const generated =
    `${start}\n_Generated by \`npm run world:examples\` (\`scripts/world-examples.ts\`); do not edit by hand._\n\n` +
    `<details><summary>${examples.length} drafts and the simulated user's edits</summary>\n\n${rendered}\n\n</details>\n${end}`;
  if (process.argv.includes('--print')) {
    process.stdout.write(`${generated}\n`);
    return;
  }
  const readme = await readFile('README.md', 'utf8');
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} markers`);
  await writeFile('README.md', readme.slice(0, from) + generated + readme.slice(to + end.length));
  process.stdout.write('README.md offline-world examples updated\n');
}

await main();
