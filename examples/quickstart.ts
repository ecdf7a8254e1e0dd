/**
 * The smallest PRELUDE loop with CIPHER-5, offline: draft, let a "user" edit, learn, draft again.
 * Run with `npx tsx examples/quickstart.ts`.
 */
import { createLearner } from '../src/core/index.js';
import { InMemoryMemory } from '../src/store/in-memory-memory.js';
import { OfflineWriter } from '../src/sim/offline-writer.js';
import { createLexicalEmbedder } from '../src/sim/lexical-embedder.js';

const learner = createLearner('cipher-5', {
  writer: new OfflineWriter(), // or an LLM: createWriterFromSpec('openai:gpt-4o') from src/providers
  embedder: createLexicalEmbedder(),
  memory: new InMemoryMemory(),
});
const scope = { tenant: 'acme', user: 'ada', task: 'summarization' };
const task = { kind: 'summarization' } as const;

const first = {
  id: 'doc-1',
  source: 'encyclopedia',
  text:
    'The red panda is a small mammal that lives in the mountain forests of the eastern Himalayas. ' +
    'It has reddish-brown fur, a long ringed tail and a diet made mostly of bamboo leaves. ' +
    'Red pandas spend most of their lives in trees and are active at dawn and dusk. ' +
    'Their numbers are falling because their forests are being cut down.',
};
const proposal = await learner.propose({ scope, task, context: first });
// The user's edit, as your UI would send it: here, the draft turned into bullet points.
const edited = proposal.text
  .split(/(?<=\.)\s+/)
  .map((sentence) => `- ${sentence}`)
  .join('\n');
const learned = await learner.learn({
  scope,
  task,
  context: first,
  proposal,
  pair: { original: proposal.text, edited },
});
console.log(`learned: ${learned.preferenceInferred}`);

const second = {
  id: 'doc-2',
  source: 'encyclopedia',
  text:
    'The snow leopard is a large cat that lives in the mountain ranges of Central Asia. ' +
    'It has thick grey fur with dark spots, a long tail and wide paws for walking on snow. ' +
    'Snow leopards hunt wild sheep and goats at dawn and dusk. ' +
    'Their numbers are falling because of hunting and the loss of their prey.',
};
const next = await learner.propose({ scope, task, context: second });
console.log(`used: ${next.preferenceUsed}\n${next.text}`);
