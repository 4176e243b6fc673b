import { z } from 'zod';
import { statement } from '../../neo4j/statement.js';

/** The clusters module's statements (cypher/clusters/) and the shapes of their rows. */
export const clustersStatements = {
  // filled in when the module moves to typed statements
} satisfies Record<string, ReturnType<typeof statement<z.ZodType>>>;
