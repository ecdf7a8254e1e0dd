import { TailorError } from './tailor-error.js';

/** A named thing (interaction, preference, user, learner...) does not exist in the caller's scope. */
export class NotFoundError extends TailorError {
  readonly entity: string;
  readonly id: string;

  constructor(options: { entity: string; id: string; message?: string; cause?: unknown }) {
    super({
      code: 'not-found',
      message: options.message ?? `${options.entity} ${JSON.stringify(options.id)} not found`,
      cause: options.cause,
    });
    this.name = 'NotFoundError';
    this.entity = options.entity;
    this.id = options.id;
  }

  static override isInstance(error: unknown): error is NotFoundError {
    return TailorError.isInstance(error) && error.code === 'not-found';
  }
}
