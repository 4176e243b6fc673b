import { z } from 'zod';
import * as E from '../../domain/enums.js';
import { statement } from '../../neo4j/statement.js';

const linkType = z.enum(E.LINK_TYPE_NAMES as [E.LinkType, ...E.LinkType[]]);

/** A relationship seen from its start node: the shape `Link` resolves from (entities' `LinkView`). */
export const linkViewRow = z.object({ selfId: z.string(), otherId: z.string(), outgoing: z.boolean(), type: linkType, props: z.record(z.string(), z.unknown()) });

/** An existing entity met by `lookup`: its kind decides which properties it takes, its years bound a patch's. */
export const foundEntityRow = z.object({ id: z.string(), kind: z.enum(E.NODE_KINDS), validFrom: z.number().nullable(), validUntil: z.number().nullable() });
export type FoundEntity = z.infer<typeof foundEntityRow>;

/** One recorded edit of the audit trail. */
export const changeRow = z.object({ at: z.string(), who: z.string(), action: z.string(), target: z.string(), summary: z.string() });

const deleted = z.object({ id: z.string(), deleted: z.literal(true) });
const written = z.object({ id: z.string() });

/** The editing module's statements (cypher/editing/) and the shapes of their rows. */
export const editingStatements = {
  lookup: statement('editing/lookup', z.object({ sourceExists: z.boolean(), found: z.array(foundEntityRow) })),
  createEntity: statement('editing/createEntity', written),
  updateEntity: statement('editing/updateEntity', written),
  deleteEntity: statement('editing/deleteEntity', deleted),
  linkById: statement('editing/linkById', linkViewRow),
  createLink: statement('editing/createLink', linkViewRow),
  updateLink: statement('editing/updateLink', linkViewRow),
  deleteLink: statement('editing/deleteLink', deleted),
  createSource: statement('editing/createSource', z.object({ key: z.string(), title: z.string(), authors: z.array(z.string()), year: z.number(), statements: z.number() })),
  listChanges: statement('editing/listChanges', changeRow),
};
