import { z } from 'zod';
import { isPropertyMap, NO_PROPERTIES, propertiesBesidesId, statement } from '../../neo4j/statement.js';
import { entityRows } from '../entities/statements.js';

/**
 * A relationship: its id, type, end ids and stored properties (the core module's `EdgeRow`), those besides its
 * id as the statement reads them (`__LINK_REST__`: none when the request shows none).
 */
export const edgeRow = z.object({
  id: z.string(),
  type: z.string(),
  source: z.string(),
  target: z.string(),
  props: propertiesBesidesId,
});
export type NetworkEdgeRow = z.infer<typeof edgeRow>;

type HopTuple = [string, string, string, string, Record<string, unknown> | null];
const isHopTuple = (v: unknown): v is HopTuple =>
  Array.isArray(v) && v.length === 5 && typeof v[0] === 'string' && typeof v[1] === 'string' && typeof v[2] === 'string' && typeof v[3] === 'string' && (v[4] === null || isPropertyMap(v[4]));

/**
 * The relationships of an expansion hop, as the statements send them (each [id, type, source, target, its
 * properties besides the id or null]), read as edge rows. Checked by one test of each list and turned into rows in one pass, rather
 * than by zod's tuple and a transform per relationship, which check, copy and wrap them element by element:
 * hops are the bulk of what an expansion returns, and this took the check of a 2-hop neighbourhood's row from
 * 0.14 to 0.05 ms (bench/RESULTS.md). A wrong one is named by its position.
 */
const hopEdges = z
  .custom<HopTuple[]>((v) => Array.isArray(v) && v.every(isHopTuple), {
    error: (issue) => {
      const at = Array.isArray(issue.input) ? issue.input.findIndex((x) => !isHopTuple(x)) : -1;
      return at < 0 ? 'expected a list of relationships' : `relationship ${at}: expected [id, type, source, target, properties or null]`;
    },
  })
  .transform((rows) => rows.map(([id, type, source, target, props]): NetworkEdgeRow => ({ id, type, source, target, props: props ?? NO_PROPERTIES })));

/** The value chains of entities, with each one's roles in them, and the chains' properties. */
const chainRolesRow = z.object({ roles: z.array(z.object({ id: z.string(), chain: z.string(), role: z.string() })), chains: entityRows });
export type ChainRolesRow = z.infer<typeof chainRolesRow>;
/** The same in an expansion's row, present only when the statement reads them (`// optional: chains`). */
const chainRoles = chainRolesRow.partial().shape;

/** One hop of an expansion (cypher/network/expandFrontier.cypher): its relationships and the entities they reach. */
const hopRow = z.object({ rows: hopEdges, nodes: entityRows, ...chainRoles });

/** The first three hops with their start (cypher/network/expandStart.cypher): one row. */
const startRow = z.object({
  starts: entityRows,
  members: entityRows,
  rows: hopEdges,
  nodes: entityRows,
  second: z.boolean(),
  rows2: hopEdges,
  nodes2: entityRows,
  third: z.boolean(),
  rows3: hopEdges,
  nodes3: entityRows,
  ...chainRoles,
});

/**
 * A path: the ids of its entities in order, their stored properties (`nodes`, absent where a caller builds
 * paths by hand) and the relationships between consecutive ones.
 */
const pathRow = z.object({ nodeIds: z.array(z.string()), nodes: entityRows.optional(), rels: z.array(edgeRow) });
export type PathRow = z.infer<typeof pathRow>;

/** The network module's statements (cypher/network/) and the shapes of their rows. */
export const networkStatements = {
  expandStart: statement('network/expandStart', startRow),
  expandFrontier: statement('network/expandFrontier', hopRow),
  paths: statement('network/paths', pathRow),
  pathsToIds: statement('network/pathsToIds', pathRow),
  allShortestPaths: statement('network/allShortestPaths', pathRow),
  simplePaths: statement('network/simplePaths', pathRow),
};
