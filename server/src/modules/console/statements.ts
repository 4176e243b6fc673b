import { z } from 'zod';
import { statement } from '../../neo4j/statement.js';

/** The console module's statements (cypher/console/). The user's own query is not one: see service.ts. */
export const consoleStatements = {
  userDefinedFunctions: statement('console/userDefinedFunctions', z.object({ name: z.string() })),
};
