import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError } from '../errors.js';

/**
 * The one place where the project's errors become GraphQL errors: a stable `extensions.code`, the field
 * at fault, and no stack trace or internal message in production.
 */
export function formatError(err: Readonly<GraphQLError | Error>, production: boolean): GraphQLFormattedError {
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
