import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../spec/index.js';
import { formatModelSpec, ollamaBaseURL, parseModelSpec, resolveEndpoint } from './model-spec.js';

const language = { role: 'language' } as const;
const embedding = { role: 'embedding' } as const;

function thrown(action: () => unknown): InvalidInputError {
  try {
    action();
  } catch (error) {
    expect(InvalidInputError.isInstance(error)).toBe(true);
    return error as InvalidInputError;
  }
  throw new Error('expected an InvalidInputError');
}

describe('parseModelSpec', () => {
  it('parses every provider family and the offline markers', () => {
    expect(parseModelSpec('openai:gpt-4o', language)).toEqual({ provider: 'openai', modelId: 'gpt-4o' });
    expect(parseModelSpec('anthropic:claude-sonnet-4-5', language)).toEqual({
      provider: 'anthropic',
      modelId: 'claude-sonnet-4-5',
    });
    expect(parseModelSpec('ollama:llama3.1:8b', language)).toEqual({
      provider: 'ollama',
      modelId: 'llama3.1:8b',
    });
    expect(parseModelSpec('openai-compatible:org/model@v2@http://10.0.0.5:8000/v1/', language)).toEqual({
      provider: 'openai-compatible',
      modelId: 'org/model@v2',
      baseURL: 'http://10.0.0.5:8000/v1',
    });
    expect(parseModelSpec(' sim ', language)).toEqual({ provider: 'sim' });
    expect(parseModelSpec('lexical', embedding)).toEqual({ provider: 'lexical' });
    expect(parseModelSpec('openai:text-embedding-3-small', embedding)).toEqual({
      provider: 'openai',
      modelId: 'text-embedding-3-small',
    });
  });

  it('round-trips through formatModelSpec', () => {
    for (const spec of ['openai:gpt-4o', 'ollama:qwen2.5:7b', 'openai-compatible:m@https://host/v1', 'sim']) {
      expect(formatModelSpec(parseModelSpec(spec, language))).toBe(spec);
    }
  });

  it('names the field and the spec and gives valid examples when it cannot parse', () => {
    const unknown = thrown(() => parseModelSpec('gemini:pro', { role: 'language', field: '--writer' }));
    expect(unknown.field).toBe('--writer');
    expect(unknown.value).toBe('gemini:pro');
    expect(unknown.message).toMatch(/unknown provider "gemini"/);
    expect(unknown.message).toMatch(/openai:gpt-4o/);
    expect(thrown(() => parseModelSpec('gpt-4o', language)).message).toMatch(/expected <provider>:<model>/);
    expect(thrown(() => parseModelSpec('openai:', language)).message).toMatch(/model name is missing/);
    expect(thrown(() => parseModelSpec('openai-compatible:qwen', language)).message).toMatch(/@<baseURL>/);
    expect(thrown(() => parseModelSpec('anthropic:claude-x', embedding)).message).toMatch(
      /no embedding models/,
    );
    expect(thrown(() => parseModelSpec('lexical', language)).message).toMatch(/not a language model/);
    expect(thrown(() => parseModelSpec('sim', embedding)).message).toMatch(/lexical/);
  });
});

describe('resolveEndpoint', () => {
  it('reads keys and base URLs from the environment', () => {
    const openai = { provider: 'openai', modelId: 'gpt-4o' } as const;
    expect(resolveEndpoint(openai, { OPENAI_API_KEY: 'sk-1' })).toMatchObject({
      baseURL: 'https://api.openai.com/v1',
      apiKey: 'sk-1',
    });
    expect(
      resolveEndpoint(openai, { OPENAI_API_KEY: 'sk-1', OPENAI_BASE_URL: 'http://proxy:4000/v1/' }).baseURL,
    ).toBe('http://proxy:4000/v1');
    const anthropic = { provider: 'anthropic', modelId: 'claude-sonnet-4-5' } as const;
    expect(resolveEndpoint(anthropic, { ANTHROPIC_API_KEY: 'a-1' })).toMatchObject({
      baseURL: 'https://api.anthropic.com/v1',
      apiKey: 'a-1',
    });
    const compatible = { provider: 'openai-compatible', modelId: 'm', baseURL: 'http://h:1/v1' } as const;
    expect(resolveEndpoint(compatible, {})).toMatchObject({ baseURL: 'http://h:1/v1', apiKey: undefined });
    expect(resolveEndpoint(compatible, { OPENAI_COMPATIBLE_API_KEY: 'k' }).apiKey).toBe('k');
    expect(resolveEndpoint({ provider: 'ollama', modelId: 'llama3' }, {}).baseURL).toBe(
      'http://127.0.0.1:11434/v1',
    );
  });

  it('names the missing key variable and suggests an offline spec', () => {
    const error = thrown(() => resolveEndpoint({ provider: 'anthropic', modelId: 'claude-sonnet-4-5' }, {}));
    expect(error.field).toBe('ANTHROPIC_API_KEY');
    expect(error.message).toMatch(
      /anthropic:claude-sonnet-4-5 needs the environment variable ANTHROPIC_API_KEY/,
    );
    expect(error.message).toMatch(/sim/);
    expect(
      thrown(() => resolveEndpoint({ provider: 'openai', modelId: 'x' }, { OPENAI_API_KEY: ' ' })).field,
    ).toBe('OPENAI_API_KEY');
    const badURL = thrown(() =>
      resolveEndpoint(
        { provider: 'openai', modelId: 'x' },
        { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'ftp://x' },
      ),
    );
    expect(badURL.field).toBe('OPENAI_BASE_URL');
  });
});

describe('ollamaBaseURL', () => {
  it('accepts OLLAMA_HOST with or without scheme and port', () => {
    expect(ollamaBaseURL(undefined)).toBe('http://127.0.0.1:11434/v1');
    expect(ollamaBaseURL('gpu-box')).toBe('http://gpu-box:11434/v1');
    expect(ollamaBaseURL('10.1.2.3:9999')).toBe('http://10.1.2.3:9999/v1');
    expect(ollamaBaseURL('https://ollama.example.com/')).toBe('https://ollama.example.com/v1');
  });
});
