import { z } from 'zod';
import { NODE_KINDS } from '../../domain/enums.js';
import { propertyMap, statement } from '../../neo4j/statement.js';

/** An entity's stored properties: every entity has an id, a kind and a name; the rest depends on its kind. */
export const entityRow = z.looseObject({ id: z.string(), kind: z.enum(NODE_KINDS), name: z.string() });
export type EntityRow = z.infer<typeof entityRow>;

/** A STATED_IN statement's properties (document, lines, quote…) with the document's title. */
export const statementRow = z.looseObject({ doc: z.string(), quote: z.string().nullish(), lines: z.array(z.number()).nullish(), title: z.string().nullish() });
export type StatementRow = z.infer<typeof statementRow>;

/** A relationship of an entity as entityWithLinks(Of) send it ([type, properties, outgoing, other end]), read as linksByIds's rows are. */
const linkOfRow = z
  .tuple([z.string(), propertyMap, z.boolean(), entityRow])
  .transform(([type, props, outgoing, other]) => ({ type, props, outgoing, otherId: other.id, other }));

/** The entities module's statements (cypher/entities/) and the shapes of their rows. */
export const entitiesStatements = {
  entitiesByIds: statement('entities/entitiesByIds', z.object({ n: entityRow })),
  linksByIds: statement('entities/linksByIds', z.object({ id: z.string(), type: z.string(), props: propertyMap, outgoing: z.boolean(), otherId: z.string(), other: entityRow })),
  entityWithLinks: statement('entities/entityWithLinks', z.object({ n: entityRow, links: z.array(z.array(linkOfRow)) })),
  entityWithLinksOf: statement('entities/entityWithLinksOf', z.object({ n: entityRow, links: z.array(linkOfRow) })),
  listEntities: statement('entities/listEntities', z.object({ total: z.number(), page: z.array(z.string()), nodes: z.array(entityRow) })),
  listEntitiesByKind: statement('entities/listEntitiesByKind', z.object({ total: z.number(), page: z.array(z.string()), nodes: z.array(entityRow) })),
  listSources: statement('entities/listSources', z.object({ key: z.string(), title: z.string().nullable(), authors: z.array(z.string()).nullable(), year: z.number().nullable(), publisher: z.string().nullable(), statements: z.number() })),
  provenanceByIds: statement('entities/provenanceByIds', z.object({ id: z.string(), p: statementRow })),
  searchEntities: statement('entities/searchEntities', z.object({ id: z.string(), kind: z.enum(NODE_KINDS), name: z.string(), score: z.number(), n: entityRow })),
};
