import { z } from 'zod';
import { statement } from '../../neo4j/statement.js';

const none = z.object({});

/** The seed loader's statements (cypher/seeds/) and the shapes of their rows. */
export const seedStatements = {
  mergeSources: statement('seeds/mergeSources', none),
  mergeNodes: statement('seeds/mergeNodes', none),
  mergeTables: statement('seeds/mergeTables', none),
  mergeStatements: statement('seeds/mergeStatements', none),
  mergeLinks: statement('seeds/mergeLinks', none),
  countLabels: statement('seeds/countLabels', z.object({ label: z.string(), count: z.number() })),
  countTypes: statement('seeds/countTypes', z.object({ type: z.string(), count: z.number() })),
  hasData: statement('seeds/hasData', z.object({ seeded: z.boolean() })),
};
