import { z } from 'zod';
import { statement } from '../../neo4j/statement.js';
import { entityRow } from '../entities/statements.js';

/** A relationship: its id, type, end ids and stored properties (the core module's `EdgeRow`). */
export const edgeRow = z.object({
  id: z.string(),
  type: z.string(),
  source: z.string(),
  target: z.string(),
  props: z.record(z.string(), z.unknown()),
});
export type NetworkEdgeRow = z.infer<typeof edgeRow>;

/** A relationship of an expansion hop, with the stored properties of the end it reaches (`node`). */
export const frontierRow = edgeRow.extend({ node: entityRow });
export type FrontierRow = z.infer<typeof frontierRow>;

/** The first two hops with their start (cypher/network/expandStart.cypher): one row. */
const startRow = z.object({ starts: z.array(entityRow), members: z.array(entityRow), rows: z.array(frontierRow), second: z.boolean(), rows2: z.array(frontierRow) });

/**
 * A path: the ids of its entities in order, their stored properties (`nodes`, absent where a caller builds
 * paths by hand) and the relationships between consecutive ones.
 */
const pathRow = z.object({ nodeIds: z.array(z.string()), nodes: z.array(entityRow).optional(), rels: z.array(edgeRow) });
export type PathRow = z.infer<typeof pathRow>;

/** The network module's statements (cypher/network/) and the shapes of their rows. */
export const networkStatements = {
  expandStart: statement('network/expandStart', startRow),
  expandFrontier: statement('network/expandFrontier', frontierRow),
  paths: statement('network/paths', pathRow),
  pathsToIds: statement('network/pathsToIds', pathRow),
  allShortestPaths: statement('network/allShortestPaths', pathRow),
  simplePaths: statement('network/simplePaths', pathRow),
};
