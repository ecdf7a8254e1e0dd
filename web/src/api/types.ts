/**
 * Shapes of the Tailor HTTP API as the page uses them: every one is a schema of the service's OpenAPI
 * document, generated into `src/client/openapi-types.ts` (`npm run generate:api-types`), none written
 * here by hand.
 */
import type { TailorApiPaths, TailorApiSchemas } from '../../../src/client/index.js';

/** A task as the API takes it: a built-in environment or a custom instruction. */
export type ApiTask = TailorApiSchemas['Task'];

/** A past context retrieved for a draft, with the preference learned on it. */
export type DraftNeighbour = TailorApiSchemas['Neighbour'];

/** `POST /v1/generate` body. */
export type GenerateRequest = TailorApiSchemas['GenerateRequest'];

/** `POST /v1/generate` result. */
export type Draft = TailorApiSchemas['GenerateResponse'];

/** `POST /v1/interactions/{id}/learn` result. */
export type LearnResult = TailorApiSchemas['LearnResponse'];

/** One entry of `GET /v1/users/{user}/preferences`. */
export type LearnedPreference = TailorApiSchemas['Preference'];

/** Where a learned preference came from (see `MemoryOrigin` in src/spec/memory.ts). */
export type PreferenceOrigin = LearnedPreference['origin'];

/** One entry of `GET /v1/users/{user}/components`: a preference component and its evidence. */
export type PreferenceComponent = TailorApiSchemas['PreferenceComponent'];

/** One entry of `GET /v1/users/{user}/interactions`. */
export type InteractionSummary = TailorApiSchemas['Interaction'];

/** The tasks `GET /v1/samples?task=` has samples for. */
export type SampleTask = NonNullable<TailorApiPaths['/v1/samples']['get']['parameters']['query']>['task'];

/** One entry of `GET /v1/samples`. */
export type Sample = TailorApiSchemas['Sample'];

/** `GET /healthz`: `writer` is `provider:model` (`tailor-offline:…` for the offline rule-based writer). */
export type Health = TailorApiSchemas['Health'];

/** `POST /v1/users/{user}/preferences` body. */
export type AddPreferenceRequest = TailorApiSchemas['AddPreferenceRequest'];

/** `PATCH /v1/users/{user}/preferences/{id}` body. */
export type UpdatePreferenceRequest = TailorApiSchemas['UpdatePreferenceRequest'];
