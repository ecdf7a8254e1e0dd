import { describe, expect, it } from 'vitest';
import { sampleTasksFor, toApiTask } from './task-choice.js';

describe('toApiTask', () => {
  it('maps built-in kinds to their names', () => {
    expect(toApiTask({ kind: 'email', name: 'x', instruction: 'y' })).toEqual({ task: 'email' });
  });

  it('builds a custom task from trimmed fields and names what is missing', () => {
    expect(toApiTask({ kind: 'custom', name: ' post ', instruction: ' Write a post ' })).toEqual({
      task: { name: 'post', instruction: 'Write a post' },
    });
    expect(toApiTask({ kind: 'custom', name: '', instruction: 'Write' })).toMatchObject({
      problem: expect.stringMatching(/name/),
    });
    expect(toApiTask({ kind: 'custom', name: 'post', instruction: ' ' })).toMatchObject({
      problem: expect.stringMatching(/instruction/),
    });
  });
});

describe('sampleTasksFor', () => {
  it('offers both corpora for a custom task', () => {
    expect(sampleTasksFor({ kind: 'custom', name: '', instruction: '' })).toEqual(['summarization', 'email']);
    expect(sampleTasksFor({ kind: 'summarization', name: '', instruction: '' })).toEqual(['summarization']);
  });
});
