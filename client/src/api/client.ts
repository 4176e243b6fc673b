// The one door to the server: POST JSON to /graphql, with the editor token when signed in. GraphQL errors
// become GqlError (message, code, field, extensions) so panels can show them next to the right field and callers
// can act on a limit the server names (see paging.ts).

const TOKEN_KEY = 'clustergraph.editorToken';

export class GqlError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
    /** The error's `extensions` as the server sent them (a refused limit names `limit`, `max` and `actual`). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'GqlError';
  }
}

export function editorToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setEditorToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

interface GqlResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } & Record<string, unknown> }[];
}

/** Runs one query or mutation; throws GqlError on any GraphQL or network error. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  const token = editorToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch (err) {
    throw new GqlError(`The server cannot be reached (${err instanceof Error ? err.message : String(err)}).`, 'NETWORK');
  }
  let body: GqlResponse<T>;
  try {
    body = (await res.json()) as GqlResponse<T>;
  } catch {
    throw new GqlError(`The server answered ${res.status} ${res.statusText} without a GraphQL response.`, 'NETWORK');
  }
  const first = body.errors?.[0];
  if (first) throw new GqlError(first.message, first.extensions?.code ?? 'ERROR', first.extensions?.field, first.extensions ?? {});
  if (!body.data) throw new GqlError('The server returned no data.', 'ERROR');
  return body.data;
}

/** A readable one-line message for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof GqlError) return err.code === 'GRAPHQL_VALIDATION_FAILED' && /Cannot query field/.test(err.message) ? `This server does not offer it yet (${err.message})` : err.message;
  return err instanceof Error ? err.message : String(err);
}
