import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError } from '../errors.js';

/** Longest run of non-space characters an error message repeats as it is; longer ones are cut. */
const LONGEST_WORD = 120;

/**
 * Error messages often repeat what the caller sent (an id, a value graphql-js could not coerce); a 100,000-
 * character argument must not come back as a 100,000-character message. Runs longer than LONGEST_WORD keep
 * their start and say how long they were.
 */
export function shortenMessage(message: string): string {
  return message.replace(new RegExp(`\\S{${LONGEST_WORD + 1},}`, 'g'), (w) => `${w.slice(0, 60)}…(${w.length} characters)`);
}

/**
 * The one place where the project's errors become GraphQL errors: a stable `extensions.code`, the field
 * at fault, and no stack trace or internal message in production.
 */
export function formatError(err: Readonly<GraphQLError | Error>, production: boolean): GraphQLFormattedError {
  const f = formatErrorInFull(err, production);
  return { ...f, message: shortenMessage(f.message) };
}

function formatErrorInFull(err: Readonly<GraphQLError | Error>, production: boolean): GraphQLFormattedError {
  const gql = err instanceof GraphQLError ? err : new GraphQLError(err.message, { originalError: err });
  // Walk to the innermost cause: resolver errors arrive wrapped (located) once or more.
  let original: Error | undefined = gql.originalError;
  while (original && 'originalError' in original && (original as GraphQLError).originalError) original = (original as GraphQLError).originalError;
  if (original instanceof AppError) {
    const internal = original.code === 'INTERNAL';
    return {
      message: internal && production ? 'Internal error; the server log has the details.' : original.message,
      locations: gql.locations,
      path: gql.path,
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}), ...(original.details ?? {}) },
    };
  }
  if (original && !(original instanceof GraphQLError)) {
    return { message: production ? 'Internal error; the server log has the details.' : original.message, locations: gql.locations, path: gql.path, extensions: { code: 'INTERNAL' } };
  }
  // Parse and validation errors from graphql-js itself: the client sent a malformed request.
  const code = (gql.extensions?.code as string | undefined) ?? 'GRAPHQL_VALIDATION_FAILED';
  return { message: gql.message, locations: gql.locations, path: gql.path, extensions: { ...gql.extensions, code } };
}
