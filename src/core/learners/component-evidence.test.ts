import { describe, expect, it } from 'vitest';
import type { CheckPreferenceResult, Writer } from '../../spec/index.js';
import { noUsage } from '../../spec/index.js';
import { InMemoryMemory } from '../../store/in-memory-memory.js';
import { preferenceEntry } from '../../store/test-entries.js';
import { ScriptedWriter, testScope } from '../../testing/index.js';
import { describeComponents } from './component-evidence.js';

type CheckOptions = Parameters<NonNullable<Writer['checkPreference']>>[0];

/** Checks "bullet points" by "- " lines and "with emojis" by ✨. */
class CheckingWriter extends ScriptedWriter {
  async checkPreference(options: CheckOptions): Promise<CheckPreferenceResult> {
    return {
      shows: options.texts.map((text) =>
        options.components.map((component) =>
          /bullet/i.test(component) ? /^- /m.test(text) : /emoji/.test(component) ? /✨/.test(text) : null,
        ),
      ),
      usage: noUsage,
    };
  }
}

async function remember(memory: InMemoryMemory, preference: string, edited: string, interactionId: string) {
  await memory.add(
    preferenceEntry(testScope, preference, [1, 0], { pair: { original: 'draft', edited }, interactionId }),
  );
}

describe('describeComponents', () => {
  it('lists every component once with its mentions, and the user texts that show it or do not', async () => {
    const memory = new InMemoryMemory();
    await remember(memory, 'bullet points, with emojis', '- a ✨', 'i1');
    await remember(memory, 'bullet points', '- b', 'i2');
    await remember(memory, 'Bullet points, brief', '- c', 'i3');
    const task = { kind: 'summarization' } as const;
    const checked = await describeComponents({
      memory,
      scope: testScope,
      task,
      writer: new CheckingWriter(),
    });
    expect(
      checked.map((item) => [item.component, item.mentions, item.supporting, item.contradicting]),
    ).toEqual([
      ['Bullet points', 3, 3, 0],
      ['brief', 1, 0, 0],
      ['with emojis', 1, 1, 2],
    ]);
    expect(checked[0]?.interactionIds).toEqual(['i3', 'i2', 'i1']);
    const unchecked = await describeComponents({ memory, scope: testScope, task });
    expect(unchecked.every((item) => item.supporting === null && item.contradicting === null)).toBe(true);
  });
});
