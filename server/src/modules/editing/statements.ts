import { z } from 'zod';
import { statement } from '../../neo4j/statement.js';

/** The editing module's statements (cypher/editing/) and the shapes of their rows. */
export const editingStatements = {
  // filled in when the module moves to typed statements
} satisfies Record<string, ReturnType<typeof statement<z.ZodType>>>;
