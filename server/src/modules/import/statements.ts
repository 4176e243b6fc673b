import { z } from 'zod';
import { propertyMap, statement } from '../../neo4j/statement.js';

const none = z.object({});
const props = propertyMap;

/** The import module's statements (cypher/import/) and the shapes of their rows. */
export const importStatements = {
  lookupEntities: statement('import/lookupEntities', z.object({ id: z.string(), kind: z.string(), aggregate: z.boolean() })),
  lookupLinks: statement('import/lookupLinks', z.object({ id: z.string(), type: z.string(), from: z.string(), to: z.string() })),
  existingNodes: statement('import/existingNodes', z.object({ id: z.string(), props, stated: z.boolean(), structural: z.array(z.string()) })),
  existingLinks: statement('import/existingLinks', z.object({ id: z.string(), type: z.string(), to: z.string(), props })),
  beginImport: statement('import/beginImport', z.object({ s: props })),
  updateImport: statement('import/updateImport', z.object({ key: z.string() })),
  recordChange: statement('import/recordChange', z.object({ at: z.string() })),
  createNodes: statement('import/createNodes', none),
  writeNodes: statement('import/writeNodes', none),
  writeLinks: statement('import/writeLinks', none),
  writeStructural: statement('import/writeStructural', none),
  annotateLinks: statement('import/annotateLinks', none),
  listImports: statement('import/listImports', z.object({ s: props })),
  importByKey: statement('import/importByKey', z.object({ s: props })),
  undoUpdatedNodes: statement('import/undoUpdatedNodes', z.object({ id: z.string(), props, filled: z.array(z.string()), added: z.string() })),
  restoreNodes: statement('import/restoreNodes', none),
  undoLinks: statement('import/undoLinks', z.object({ deleted: z.number() })),
  undoLinkConflicts: statement('import/undoLinkConflicts', z.object({ changed: z.number() })),
  undoCreatedNodes: statement('import/undoCreatedNodes', z.object({ statements: z.number(), deleted: z.number() })),
  deleteImport: statement('import/deleteImport', z.object({ key: z.string() })),
};
