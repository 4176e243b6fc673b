import { z } from 'zod';
import { statement } from '../../neo4j/statement.js';

/** A relationship: its id, type, end ids and stored properties (the core module's `EdgeRow`). */
export const edgeRow = z.object({
  id: z.string(),
  type: z.string(),
  source: z.string(),
  target: z.string(),
  props: z.record(z.string(), z.unknown()),
});
export type NetworkEdgeRow = z.infer<typeof edgeRow>;

/** A path: the ids of its entities in order and the relationships between consecutive ones. */
const pathRow = z.object({ nodeIds: z.array(z.string()), rels: z.array(edgeRow) });
export type PathRow = z.infer<typeof pathRow>;

/** The network module's statements (cypher/network/) and the shapes of their rows. */
export const networkStatements = {
  expandFrontier: statement('network/expandFrontier', edgeRow),
  paths: statement('network/paths', pathRow),
  allShortestPaths: statement('network/allShortestPaths', pathRow),
  simplePaths: statement('network/simplePaths', pathRow),
};
