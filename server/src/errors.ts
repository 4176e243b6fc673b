/**
 * The project's error classes, each with a stable code. They live low in the house (beside config) so
 * the executor and query layer can raise them without importing GraphQL; only the GraphQL layer turns
 * them into GraphQLErrors with `extensions.code`.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAVAILABLE'
  | 'TIMEOUT'
  | 'LIMIT_EXCEEDED'
  | 'CONFLICT'
  | 'CANCELLED'
  | 'INTERNAL';

export class AppError extends Error {
  readonly code: ErrorCode;
  /** The argument or field at fault, as a dotted path (`input.from`), when there is one. */
  readonly field?: string;
  /** Extra structured detail safe to show to the client. */
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, opts: { field?: string; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = new.target.name;
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
  }
}

export class BadInputError extends AppError {
  constructor(message: string, field?: string, details?: Record<string, unknown>) {
    super('BAD_USER_INPUT', message, { field, details });
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, field?: string) {
    super('NOT_FOUND', message, { field });
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

export class UnavailableError extends AppError {
  constructor(message: string, cause?: unknown) {
    super('UNAVAILABLE', message, { cause });
  }
}

export class TimeoutError extends AppError {
  constructor(message: string, cause?: unknown) {
    super('TIMEOUT', message, { cause });
  }
}

/** A request went over a configured maximum; the message names the limit and its value. */
export class LimitError extends AppError {
  constructor(limit: string, max: number, actual: number, hint: string) {
    super('LIMIT_EXCEEDED', `${limit} is ${actual}, over the maximum of ${max}. ${hint}`, {
      details: { limit, max, actual },
    });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, field?: string) {
    super('CONFLICT', message, { field });
  }
}

/** A long analysis was stopped on request (a cancelled job); `stage` says where it was. */
export class AnalysisCancelledError extends AppError {
  constructor(stage: string) {
    super('CANCELLED', `The analysis was cancelled (during ${stage}).`);
  }
}

/** A start-up problem the operator must fix: printed as one line, then the process exits non-zero. */
export class StartupError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'StartupError';
  }
}
