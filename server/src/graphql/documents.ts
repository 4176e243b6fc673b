import { specifiedRules, validate, type DocumentNode, type GraphQLError, type GraphQLSchema, type Source, type ValidationRule } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * Parsed and validated documents kept between requests. Clients send the same few query texts again and
 * again with other variables (the viewer, scripts, the benchmarks); parsing one and running the validation
 * rules over it cost the service about half a millisecond of CPU a request, as much as a small database
 * read. What depends only on the text is done once per text: parsing (with its token limit), and the rules
 * that look at the document alone (graphql-js's specified rules and the shape limits: depth, aliases,
 * directives). Rules that read the variables (page sizes, cost) run on every request.
 *
 * A document is never changed after parsing (graphql-js treats it as immutable), so one object can serve
 * every request of its text. Texts longer than `maxTextLength` are parsed each time and not kept, so the
 * cache's memory stays bounded by `entries` × `maxTextLength` and the documents of those texts.
 */
export interface DocumentCache {
  parse: (source: string | Source) => DocumentNode;
  /** graphql-js's `validate`, with `staticRules` run once per document and `rules` (the variables' rules) every time. */
  validate: (schema: GraphQLSchema, document: DocumentNode, rules?: readonly ValidationRule[]) => readonly GraphQLError[];
}

export function documentCache(opts: {
  parse: (source: string | Source) => DocumentNode;
  /** Rules whose verdict depends on the document alone (besides graphql-js's specified rules). */
  staticRules: readonly ValidationRule[];
  entries?: number;
  maxTextLength?: number;
}): DocumentCache {
  const maxTextLength = opts.maxTextLength ?? 20_000;
  const parsed = new LRUCache<string, DocumentNode>({ max: opts.entries ?? 500 });
  // Keyed by the document object: a text parsed again (evicted, or too long to keep) is validated again.
  const verdicts = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  const staticRules = [...specifiedRules, ...opts.staticRules];
  return {
    parse: (source) => {
      const text = typeof source === 'string' ? source : source.body;
      if (text.length > maxTextLength) return opts.parse(source);
      let doc = parsed.get(text);
      if (!doc) {
        doc = opts.parse(source); // a refusal (syntax, token limit) throws and is not kept
        parsed.set(text, doc);
      }
      return doc;
    },
    validate: (schema, document, rules = []) => {
      let verdict = verdicts.get(document);
      if (!verdict) {
        verdict = validate(schema, document, staticRules);
        verdicts.set(document, verdict);
      }
      return verdict.length ? verdict : validate(schema, document, rules);
    },
  };
}
