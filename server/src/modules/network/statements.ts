import { z } from 'zod';
import { statement } from '../../neo4j/statement.js';

/** The network module's statements (cypher/network/) and the shapes of their rows. */
export const networkStatements = {
  // filled in when the module moves to typed statements
} satisfies Record<string, ReturnType<typeof statement<z.ZodType>>>;
