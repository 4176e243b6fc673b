import { execute, type DocumentNode, type ExecutionArgs } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * Execution compiled once per document and operation (graphql-jit), in place of graphql-js's `execute`, which
 * walks the document anew for every object of every request: for a value-chain trace of a 425-member cluster
 * (about 800 objects) that walk cost 3 ms of CPU a request, and compiled execution took 0.2–0.7 ms off the small
 * families and about 4 ms off that trace (bench/RESULTS.md). Documents are the cached parses of
 * graphql/documents.ts, validated before they get here, so one compiled query serves every request of its text;
 * keyed by the document object, a query is compiled again only when its text was evicted and parsed again.
 * A document graphql-jit cannot compile (it answers with errors instead) goes to graphql-js, which then says
 * what is wrong in its own words.
 */
export function compiledExecution(): (args: ExecutionArgs) => ReturnType<typeof execute> {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  return (args) => {
    let byOperation = compiled.get(args.document);
    if (!byOperation) {
      byOperation = new Map();
      compiled.set(args.document, byOperation);
    }
    const name = args.operationName ?? '';
    let query = byOperation.get(name);
    if (query === undefined) {
      const c = compileQuery(args.schema, args.document, args.operationName ?? undefined);
      query = isCompiledQuery(c) ? c : null;
      byOperation.set(name, query);
    }
    if (!query) return execute(args);
    return query.query(args.rootValue, args.contextValue, args.variableValues ?? {}) as ReturnType<typeof execute>;
  };
}
