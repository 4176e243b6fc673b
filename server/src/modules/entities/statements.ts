import { z } from 'zod';
import { NODE_KINDS } from '../../domain/enums.js';
import { isPropertyMap, propertyMap, statement } from '../../neo4j/statement.js';

const KINDS: ReadonlySet<string> = new Set(NODE_KINDS);
const isEntityRow = (v: unknown): v is EntityRow =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as EntityRow).id === 'string' && KINDS.has((v as EntityRow).kind) && typeof (v as EntityRow).name === 'string';

/**
 * An entity's stored properties: every entity has an id, a kind and a name; the rest depends on its kind.
 * Checked in place rather than copied key by key as zod's loose object would: most rows are lists of
 * entities (a joint action's ~200, a neighbourhood's hundreds), and the copy was most of what checking an
 * entity cost. The message names what is wrong.
 */
export const entityRow = z.custom<EntityRow>(isEntityRow, {
  error: (issue) => {
    const v = issue.input as Record<string, unknown> | null;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'expected an entity (a map of properties)';
    if (typeof v.id !== 'string') return 'expected an entity with a string id';
    if (!KINDS.has(v.kind as string)) return `expected an entity of a known kind (${NODE_KINDS.join(', ')}), got ${JSON.stringify(v.kind)}`;
    return 'expected an entity with a string name';
  },
});
/** A list of entities, checked in one pass (entityRow's test on each); a wrong one is named by its position. */
export const entityRows = z.custom<EntityRow[]>((v) => Array.isArray(v) && v.every(isEntityRow), {
  error: (issue) => {
    if (!Array.isArray(issue.input)) return 'expected a list of entities';
    const at = issue.input.findIndex((x) => !isEntityRow(x));
    return `entity ${at}: ${entityRow.safeParse(issue.input[at]).error?.issues[0]?.message ?? 'expected an entity'}`;
  },
});

export interface EntityRow {
  id: string;
  kind: (typeof NODE_KINDS)[number];
  name: string;
  [key: string]: unknown;
}

/** A STATED_IN statement's properties (document, lines, quote…) with the document's title. */
export const statementRow = z.looseObject({ doc: z.string(), quote: z.string().nullish(), lines: z.array(z.number()).nullish(), title: z.string().nullish() });
export type StatementRow = z.infer<typeof statementRow>;

type LinkTuple = [string, Record<string, unknown>, boolean, EntityRow];
const isLinkTuple = (v: unknown): v is LinkTuple =>
  Array.isArray(v) && v.length === 4 && typeof v[0] === 'string' && isPropertyMap(v[1]) && typeof v[2] === 'boolean' && isEntityRow(v[3]);

/**
 * The relationships of an entity as entityWithLinks(Of) send them (each [type, properties, outgoing, other
 * end]), read as linksByIds's rows are: checked by one test of each list and turned into rows in one pass, as
 * an expansion's relationships are (network/statements.ts). A wrong one is named by its position.
 */
const linksOfRow = z
  .custom<LinkTuple[]>((v) => Array.isArray(v) && v.every(isLinkTuple), {
    error: (issue) => {
      const at = Array.isArray(issue.input) ? issue.input.findIndex((x) => !isLinkTuple(x)) : -1;
      return at < 0 ? 'expected a list of links' : `link ${at}: expected [type, properties, outgoing, the other entity]`;
    },
  })
  .transform((links) => links.map(([type, props, outgoing, other]) => ({ type, props, outgoing, otherId: other.id, other })));

/** The entities module's statements (cypher/entities/) and the shapes of their rows. */
export const entitiesStatements = {
  entitiesByIds: statement('entities/entitiesByIds', z.object({ n: entityRow })),
  linksByIds: statement('entities/linksByIds', z.object({ id: z.string(), type: z.string(), props: propertyMap, outgoing: z.boolean(), otherId: z.string(), other: entityRow })),
  entityWithLinks: statement('entities/entityWithLinks', z.object({ n: entityRow, links: z.array(linksOfRow) })),
  entityWithLinksOf: statement('entities/entityWithLinksOf', z.object({ n: entityRow, links: linksOfRow })),
  listEntities: statement('entities/listEntities', z.object({ total: z.number(), page: z.array(z.string()), nodes: entityRows })),
  listEntitiesByKind: statement('entities/listEntitiesByKind', z.object({ total: z.number(), page: z.array(z.string()), nodes: entityRows })),
  listSources: statement('entities/listSources', z.object({ key: z.string(), title: z.string().nullable(), authors: z.array(z.string()).nullable(), year: z.number().nullable(), publisher: z.string().nullable(), statements: z.number() })),
  provenanceByIds: statement('entities/provenanceByIds', z.object({ id: z.string(), p: statementRow })),
  searchEntities: statement('entities/searchEntities', z.object({ id: z.string(), kind: z.enum(NODE_KINDS), name: z.string(), score: z.number(), n: entityRow })),
};
