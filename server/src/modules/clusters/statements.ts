import { z } from 'zod';
import { statement } from '../../neo4j/statement.js';
import { entityRows } from '../entities/statements.js';

/** A score or index as stored (items 0–3, indices), null where the source prints n.a. or nothing. */
const score = z.number().nullable();
const indices = z.object({ eei: score, jai: score, ce: score });

/** A cluster's figures for group averages (cypher/clusters/clusterFigures.cypher). */
const clusterFiguresRow = z.object({
  id: z.string(),
  sectorGroup: z.string().nullable(),
  country: z.string().nullable(),
  items: z.object({
    labourMarket: score,
    inputs: score,
    information: score,
    marketAccess: score,
    backward: score,
    forward: score,
    horizontalBilateral: score,
    horizontalMultilateral: score,
  }),
  hasItems: z.boolean(),
  recomputed: indices,
  printed: indices,
  upgrading: z.object({ product: score, process: score, functional: score, intersectoral: score }).nullable(),
});
export type ClusterFiguresRow = z.infer<typeof clusterFiguresRow>;

/** The clusters module's statements (cypher/clusters/) and the shapes of their rows. */
export const clustersStatements = {
  clusterFigures: statement('clusters/clusterFigures', clusterFiguresRow),
  members: statement('clusters/members', z.object({ cluster: z.string(), members: z.array(z.string()), nodes: entityRows })),
  printedTables: statement('clusters/printedTables', z.object({ id: z.string(), title: z.string(), rowsJson: z.string() })),
  timeline: statement('clusters/timeline', z.object({ id: z.string(), subject: z.string() })),
};
