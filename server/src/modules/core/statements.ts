import { z } from 'zod';
import { statement } from '../../neo4j/statement.js';

/** The core module's statements (cypher/core/). */
export const coreStatements = {
  health: statement('core/health', z.object({ version: z.string().nullable(), entities: z.number() })),
  indexStates: statement('core/indexStates', z.object({ name: z.string(), state: z.string() })),
};
