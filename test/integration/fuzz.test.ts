import { readFileSync } from 'node:fs';
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  parse,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { modules } from '../../server/src/modules/index.js';
import { adminHeaders, gql, serviceForFile } from '../helpers/db.js';

/**
 * A fuzz battery over every argument of every root field: each bad value is sent alone (the field's other
 * arguments valid), and every answer must be a readable error — a known code, a short message, no stack or
 * driver internals, never INTERNAL and never a 5xx — and the service must stay healthy and unchanged.
 */
const service = serviceForFile();
const schema = buildASTSchema(parse(modules.map((m) => readFileSync(m.sdl, 'utf8')).join('\n')));

/** Valid arguments for each root field, the base every bad value is put into. */
const VALID: Record<string, Record<string, unknown>> = {
  entity: { id: 'firm:segusino' },
  entitiesByIds: { ids: ['firm:segusino'] },
  search: { text: 'Segusino' },
  neighbourhood: { ids: ['firm:segusino'] },
  paths: { from: 'firm:chipilo-subcontractors', to: { kinds: ['BUYER'] } },
  traceValueChain: { id: 'cluster:sinos-valley-footwear' },
  jointAction: { clusterId: 'cluster:espirito-santo-metalworking' },
  timeline: { id: 'cluster:chipilo-furniture' },
  brokerage: { partition: { by: 'KIND' }, scope: { clusterId: 'cluster:espirito-santo-metalworking' } },
  twoModeBrokerage: { scope: { clusterId: 'cluster:espirito-santo-metalworking' } },
  structuralHoles: { scope: { clusterId: 'cluster:espirito-santo-metalworking' } },
  centrality: { scope: { clusterId: 'cluster:espirito-santo-metalworking' } },
  communities: { scope: { clusterId: 'cluster:espirito-santo-metalworking' } },
  dependency: { id: 'firm:chipilo-subcontractors', scope: { clusterId: 'cluster:chipilo-furniture' } },
  whatIf: { remove: ['firm:segusino'], scope: { clusterId: 'cluster:chipilo-furniture' } },
  approximateBetweenness: { samples: 10, scope: { clusterId: 'cluster:espirito-santo-metalworking' } },
  analysisJob: { id: 'job:none' },
  // A job over one cluster: a bad value either is refused or starts a small job, which writes no entity.
  startAnalysis: { input: { structuralHoles: { scope: { clusterId: 'cluster:espirito-santo-metalworking' } } } },
  cancelAnalysis: { id: 'job:none' },
  cypher: { query: 'MATCH (n:Entity {id: $id}) RETURN n.name AS name', params: { id: 'firm:segusino' } },
  exportNetwork: { format: 'JSON', selection: { cluster: 'cluster:espirito-santo-metalworking' } },
  // Mutations cite a source that does not exist, so none of them can write whatever else they carry.
  createEntity: { input: { id: 'firm:test-fuzz', kind: 'FIRM', name: 'Fuzz', provenance: { source: 'no-such-source', quote: 'q' } } },
  updateEntity: { id: 'firm:test-fuzz-none', patch: { name: 'x', provenance: { source: 'no-such-source', quote: 'q' } } },
  deleteEntity: { id: 'firm:test-fuzz-none' },
  createLink: { input: { type: 'SUPPLIES', from: 'firm:test-fuzz-a', to: 'firm:test-fuzz-b', provenance: { source: 'no-such-source', quote: 'q' } } },
  updateLink: { id: 'link:test-fuzz-none', patch: { provenance: { source: 'no-such-source', quote: 'q' } } },
  deleteLink: { id: 'link:test-fuzz-none' },
  createSource: { input: { key: 'test-fuzz', title: 'Fuzz', type: 'INTERVIEW' } },
  // A dry run of a file with a header and no row: nothing can be written whatever else it carries.
  importNetwork: { files: [{ name: 'nodes.csv', text: 'id,kind,name\n' }], dryRun: true },
  undoImport: { id: 'import:000000000000' },
};

const HUGE = 'x'.repeat(100_000);
const STRINGS = ['', HUGE, 'a\u0000b', '\uD800', '+-&&||!(){}[]^"~*?:\\/ AND OR NOT', "x' }) DETACH DELETE n //", '") RETURN 1 UNION MATCH (n) DETACH DELETE n //', '$(type) `x`'];

/** Bad values for a GraphQL input type: wrong scalars, out-of-range numbers, unknown enum values, odd lists and objects. */
function badValues(type: GraphQLInputType, depth = 0): unknown[] {
  if (isNonNullType(type)) return [null, ...badValues(type.ofType, depth)];
  if (isListType(type)) {
    const inner = getNamedType(type);
    const element = isScalarType(inner) && (inner.name === 'ID' || inner.name === 'String') ? 'firm:segusino' : badValues(type.ofType, depth + 1)[1];
    return [[], Array.from({ length: 5000 }, () => element), ...badValues(type.ofType, depth + 1).slice(0, 3).map((v) => [v])];
  }
  if (isEnumType(type)) return ['NOT_A_VALUE', 'cluster', 7];
  if (isInputObjectType(type)) {
    if (depth > 1) return [{}];
    const fields = Object.values(type.getFields());
    return [{ notAField: 1 }, 'a string', ...fields.flatMap((f) => badValues(f.type, depth + 1).slice(0, 4).map((v) => ({ [f.name]: v })))];
  }
  switch (getNamedType(type).name) {
    case 'Int':
      return [-1, 0, 2147483647, 2147483648, 1.5, '7'];
    case 'Float':
      return [-1e308, 1e308, 'NaN'];
    case 'Boolean':
      return ['yes', 1];
    case 'JSON':
      return [HUGE, { nested: { deeper: { deepest: [1, 2, { x: '\u0000' }] } } }, [1, 2, 3]];
    default:
      return STRINGS;
  }
}

const CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'LIMIT_EXCEEDED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'CONFLICT', 'TIMEOUT']);

function cases() {
  const out: { root: 'Query' | 'Mutation'; field: string; arg: GraphQLArgument; value: unknown }[] = [];
  for (const root of ['Query', 'Mutation'] as const) {
    const type = schema.getType(root) as { getFields(): Record<string, { name: string; args: readonly GraphQLArgument[] }> };
    for (const f of Object.values(type.getFields())) for (const arg of f.args) for (const value of badValues(arg.type)) out.push({ root, field: f.name, arg, value });
  }
  return out;
}

async function fingerprint() {
  const r = await gql<{ health: { entities: number }; sources: unknown[]; changes: { at: string }[] }>(service(), '{ health { entities } sources { key } changes(first: 1) { at } }', {}, adminHeaders);
  return { entities: r.data!.health.entities, sources: r.data!.sources.length, lastChange: r.data!.changes[0]?.at ?? null };
}

describe('a fuzz battery over every GraphQL argument', () => {
  it('answers every bad value with a readable error and leaves the service healthy and unchanged', async () => {
    const before = await fingerprint();
    const all = cases();
    expect(all.length).toBeGreaterThan(300);
    const problems: string[] = [];
    for (const c of all) {
      const args = { ...(VALID[c.field] ?? {}), [c.arg.name]: c.value };
      const defs = Object.keys(args).map((name) => {
        const declared = (schema.getType(c.root) as { getFields(): Record<string, { args: readonly GraphQLArgument[] }> }).getFields()[c.field]!.args.find((a) => a.name === name)!;
        return `$${name}: ${String(declared.type)}`;
      });
      const query = `${c.root === 'Mutation' ? 'mutation' : 'query'}(${defs.join(', ')}) { ${c.field}(${Object.keys(args).map((n) => `${n}: $${n}`).join(', ')}) { __typename } }`;
      const res = await fetch(`${service().url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...adminHeaders },
        body: JSON.stringify({ query, variables: args }),
      });
      const label = `${c.field}(${c.arg.name}: ${JSON.stringify(c.value)?.slice(0, 60)})`;
      const text = await res.text();
      if (res.status >= 500) {
        problems.push(`${label}: HTTP ${res.status} ${text.slice(0, 200)}`);
        continue;
      }
      const body = JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string } }[] };
      // Stack frames, driver classes, Java exceptions: what only the server log should hold.
      if (/\\n\s+at |\bat (?:file:)?\/[\w/.-]+:\d+|Neo4jError|java\.[a-z]+\.|\.java:\d+/.test(text)) problems.push(`${label}: internals in the answer: ${text.slice(0, 200)}`);
      // A query's only bad argument is the fuzzed one: some error must name it (graphql-js says "$name"), or the
      // other argument it conflicts with.
      const named = (body.errors ?? []).some((e) => {
        const text = `${e.message} ${(e.extensions as { field?: string } | undefined)?.field ?? ''}`.toLowerCase();
        return text.includes(c.arg.name.toLowerCase()) || Object.keys(VALID[c.field] ?? {}).some((n) => text.includes(`${n.toLowerCase()}:`));
      });
      if (c.root === 'Query' && body.errors?.length && !named) problems.push(`${label}: no error names ${c.arg.name}: ${body.errors[0]!.message.slice(0, 200)}`);
      for (const e of body.errors ?? []) {
        const code = e.extensions?.code ?? '';
        if (!CODES.has(code)) problems.push(`${label}: code ${code || '(none)'}: ${e.message.slice(0, 200)}`);
        if (!e.message || e.message.length > 2000) problems.push(`${label}: message of ${e.message.length} characters`);

      }
    }
    const after = await fingerprint();
    expect(problems).toEqual([]);
    expect(after).toEqual(before);
    expect((await gql(service(), '{ health { ok } }')).data).toEqual({ health: { ok: true } });
  }, 600_000);
});
