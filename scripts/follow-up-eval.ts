/**
 * How well a chat follow-up classifier tells style feedback from satisfaction and everything else, on the
 * hand-labelled set `test/fixtures/follow-ups/follow-ups.jsonl` (issue: learning from conversation).
 * Per split (dev, test): precision and recall of `feedback`, accuracy over the three labels, component
 * precision and recall on the feedback found (canonical phrases compared as sets), and the confusion
 * matrix; the last line is JSON.
 *
 * `npm run eval:follow-ups` runs the rule-based classifier of the offline world;
 * `npm run eval:follow-ups -- --model openai:gpt-4o-mini` runs the LLM classifier of that model spec
 * (`createFollowUpClassifierFromSpec`, the provider's key from the environment).
 * `--set <file>` reads another labelled set of the same shape.
 */
import { readFile } from 'node:fs/promises';
import { createFollowUpClassifierFromSpec } from '../src/providers/model-factories.js';
import type { FollowUpClassifier, FollowUpKind } from '../src/spec/index.js';
import { rulesFollowUpClassifier } from '../src/sim/follow-up-rules.js';
import { atomsForPreferenceText, preferenceTextFor } from '../src/sim/preference-text.js';

interface Labelled {
  readonly id: string;
  readonly split: 'dev' | 'test';
  readonly answer: string;
  readonly followUp: string;
  readonly label: FollowUpKind;
  readonly components: readonly string[];
}

const kinds: readonly FollowUpKind[] = ['feedback', 'satisfaction', 'neither'];

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
}

/** A component as the offline world phrases it ("no bullets" → "no bullet points"); free text as is, lower case. */
function canonical(component: string): string {
  const parsed = atomsForPreferenceText(component);
  if (parsed.requirements.length > 0 && parsed.unknown.length === 0)
    return preferenceTextFor(parsed.requirements).toLowerCase();
  return component.trim().toLowerCase();
}

const ratio = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;

interface Outcome {
  readonly item: Labelled;
  readonly kind: FollowUpKind;
  readonly components: readonly string[];
}

function score(outcomes: readonly Outcome[]) {
  const confusion = Object.fromEntries(
    kinds.map((label) => [label, Object.fromEntries(kinds.map((kind) => [kind, 0]))]),
  ) as Record<FollowUpKind, Record<FollowUpKind, number>>;
  let componentsRight = 0;
  let componentsFound = 0;
  let componentsWanted = 0;
  for (const { item, kind, components } of outcomes) {
    confusion[item.label][kind] += 1;
    if (item.label !== 'feedback' || kind !== 'feedback') continue;
    const wanted = new Set(item.components.map(canonical));
    const found = new Set(components.map(canonical));
    componentsWanted += wanted.size;
    componentsFound += found.size;
    componentsRight += [...found].filter((component) => wanted.has(component)).length;
  }
  const truePositive = confusion.feedback.feedback;
  const predicted = kinds.reduce((sum, label) => sum + confusion[label].feedback, 0);
  const actual = kinds.reduce((sum, kind) => sum + confusion.feedback[kind], 0);
  const right = kinds.reduce((sum, label) => sum + confusion[label][label], 0);
  return {
    n: outcomes.length,
    feedbackPrecision: ratio(truePositive, predicted),
    feedbackRecall: ratio(truePositive, actual),
    accuracy: ratio(right, outcomes.length),
    componentPrecision: ratio(componentsRight, componentsFound),
    componentRecall: ratio(componentsRight, componentsWanted),
    confusion,
  };
}

const format = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(3));

const setPath = flag('--set') ?? 'test/fixtures/follow-ups/follow-ups.jsonl';
const modelSpec = flag('--model');
function classifierFor(spec: string | undefined): FollowUpClassifier {
  if (spec === undefined) return rulesFollowUpClassifier;
  try {
    return createFollowUpClassifierFromSpec(spec, { field: '--model', sim: () => rulesFollowUpClassifier });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

const classifier = classifierFor(modelSpec);
const items = (await readFile(setPath, 'utf8'))
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Labelled);

const outcomes: Outcome[] = [];
for (const item of items) {
  const verdict = await classifier.classify({ answer: item.answer, followUp: item.followUp });
  outcomes.push({ item, kind: verdict.kind, components: verdict.components });
}

const classifierName =
  modelSpec === undefined || modelSpec === 'sim' ? 'rules (offline world)' : `llm ${modelSpec}`;
const results: Record<string, ReturnType<typeof score>> = {};
process.stdout.write(
  `follow-up classifier: ${classifierName}, set ${setPath} (${items.length} follow-ups)\n`,
);
for (const split of ['dev', 'test'] as const) {
  const result = score(outcomes.filter(({ item }) => item.split === split));
  results[split] = result;
  process.stdout.write(
    `\n${split} (${result.n}): feedback precision ${format(result.feedbackPrecision)}, recall ${format(result.feedbackRecall)}; ` +
      `accuracy ${format(result.accuracy)}; components precision ${format(result.componentPrecision)}, recall ${format(result.componentRecall)}\n`,
  );
  process.stdout.write(
    `  ${'label \\ classified'.padEnd(20)}${kinds.map((kind) => kind.padStart(14)).join('')}\n`,
  );
  for (const label of kinds)
    process.stdout.write(
      `  ${label.padEnd(20)}${kinds.map((kind) => String(result.confusion[label][kind]).padStart(14)).join('')}\n`,
    );
}
if (process.argv.includes('--errors'))
  for (const { item, kind, components } of outcomes)
    if (
      item.split === 'dev' &&
      (kind !== item.label || (kind === 'feedback' && components.join() !== item.components.join()))
    )
      process.stdout.write(
        `dev error ${item.id}: "${item.followUp}" labelled ${item.label} [${item.components.join(', ')}], classified ${kind} [${components.join(', ')}]\n`,
      );
process.stdout.write(`${JSON.stringify({ classifier: classifierName, set: setPath, ...results })}\n`);
