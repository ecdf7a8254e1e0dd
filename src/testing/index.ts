export * from './fixed-vector-embedder.js';
export * from './scripted-reviewer.js';
export * from './scripted-writer.js';
export * from './test-contexts.js';
export * from './play-round.js';
export {
  chatRequestText,
  hashedBagOfWords,
  startOpenAiCompatibleServer,
} from './openai-compatible-server.js';
export type {
  FakeOpenAiCompatibleServer,
  FakeOpenAiCompatibleServerOptions,
} from './openai-compatible-server.js';
export { startRecordingServer } from './recording-server.js';
export type { RecordedRequest, RecordingHandler, RecordingServer } from './recording-server.js';
export { ReplyScript } from './scripted-reply.js';
export type { Responder, ScriptedReply } from './scripted-reply.js';
