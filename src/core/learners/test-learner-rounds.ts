import type { Context } from '../../spec/index.js';
import { InMemoryMemory } from '../../store/in-memory-memory.js';
import { FixedVectorEmbedder, ScriptedWriter, playRound } from '../../testing/index.js';
import type { Learner } from '../learner.js';

/**
 * A writer for learner tests whose drafts say what they were written with — `draft(<context id>;
 * <preference or none>)` — and whose inferences are numbered (`inferred #1`, `#2`, ...); every call
 * costs 7 input and 3 output tokens.
 */
export function namingWriter(): ScriptedWriter {
  return new ScriptedWriter({
    generate: (call) =>
      `draft(${call.context.id}; ${call.guidance?.kind === 'preference' ? call.guidance.preference : 'none'})`,
    inferPreference: (_call, index) => `inferred #${index + 1}`,
    usage: { inputTokens: 7, outputTokens: 3 },
  });
}

/** The parts of a remembering learner for round tests: a `namingWriter`, an `alikeEmbedder`, an empty memory. */
export function namingParts() {
  return { writer: namingWriter(), embedder: alikeEmbedder(), memory: new InMemoryMemory() };
}

/** One round in which the user edits (appending " [edit <id>]") when `edits` is true, else accepts. */
export function editOrAccept(learner: Learner, context: Context, edits: boolean) {
  return playRound(learner, context, (output) => (edits ? `${output} [edit ${context.id}]` : output));
}

/** An embedder that finds every context alike (all texts map to [1, 0]). */
export const alikeEmbedder = (): FixedVectorEmbedder => new FixedVectorEmbedder({}, { fallback: [1, 0] });

/** A unit vector `index × step` radians from [1, 0]: its similarity to [1, 0] falls as the index grows. */
export function angled(index: number, step = 0.2): readonly number[] {
  return [Math.cos(index * step), Math.sin(index * step)];
}

/** An embedder for retrieval tests: "query" is [1, 0] and "past <i>" (i < count) is `angled(i, step)`. */
export function angledEmbedder(count: number, step: number): FixedVectorEmbedder {
  const vectors: Record<string, readonly number[]> = { query: [1, 0] };
  for (let index = 0; index < count; index += 1) vectors[`past ${index}`] = angled(index, step);
  return new FixedVectorEmbedder(vectors);
}
