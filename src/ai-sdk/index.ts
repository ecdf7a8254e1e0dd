/**
 * `@tailor-prefs/tailor/ai-sdk`: Tailor as an AI SDK 6 language-model middleware
 * (`wrapLanguageModel({ model, middleware: tailorMiddleware({ tailor, user }) })`).
 */
export { lastUserText, tailorMetadataKey, tailorMiddleware } from './tailor-middleware.js';
export type { TailorDraft, TailorMiddleware, TailorMiddlewareOptions } from './tailor-middleware.js';
