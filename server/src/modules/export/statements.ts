import { z } from 'zod';
import { propertyMap, statement } from '../../neo4j/statement.js';

/** A relationship as an export reads it: its id, type, ends and every stored property. */
export const exportEdgeRow = z.object({
  id: z.string(),
  type: z.string(),
  source: z.string(),
  target: z.string(),
  props: propertyMap,
});
export type ExportEdgeRow = z.infer<typeof exportEdgeRow>;

/** An entity as an export reads it: its stored properties, derived country and cluster, and its statements. */
export const exportNodeRow = z.object({
  props: z.looseObject({ id: z.string(), kind: z.string(), name: z.string() }),
  country: z.string().nullable(),
  cluster: z.string().nullable(),
  statements: z.array(propertyMap),
});
export type ExportNodeRow = z.infer<typeof exportNodeRow>;

/** The export module's statements (cypher/export/) and the shapes of their rows. */
export const exportStatements = {
  entityIdsAfter: statement('export/entityIdsAfter', z.object({ id: z.string() })),
  entityCount: statement('export/entityCount', z.object({ count: z.number().int().nonnegative() })),
  entities: statement('export/entities', exportNodeRow),
  relationships: statement('export/relationships', exportEdgeRow),
  originCounts: statement('export/originCounts', z.object({ what: z.enum(['entities', 'relationships', 'imports']), origin: z.string(), count: z.number().int().nonnegative() })),
};
