import { z } from 'zod';
import { statement } from '../../neo4j/statement.js';

/** The analytics module's statements (cypher/analytics/) and the shapes of their rows. */
export const analyticsStatements = {
  // filled in when the module moves to typed statements
} satisfies Record<string, ReturnType<typeof statement<z.ZodType>>>;
