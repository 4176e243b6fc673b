import type { Context } from '../context.js';
import { relationshipField } from '../core/edges.js';
import { provenanceFromRow } from '../core/provenance.js';
import type { Resolvers } from '../resolvers.generated.js';
import { requireEntity } from './loaders.js';
import { chainFacts, clusterFacts, dateOf, typesOf } from './facts.js';
import { entitiesByIds, entityById, entityPage, linksOf, listSources, placesOf, searchEntities } from './service.js';

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export const entityResolvers: Resolvers<Context> = {
  Query: {
    entity: (_, { id }, ctx, info) => entityById(ctx, id, info),
    entitiesByIds: (_, { ids }, ctx) => entitiesByIds(ctx, ids),
    entities: (_, args, ctx) => entityPage(ctx, args),
    clusters: (_, args, ctx) => entityPage(ctx, args, ['Cluster']),
    valueChains: (_, args, ctx) => entityPage(ctx, args, ['ValueChain']),
    search: (_, args, ctx) => searchEntities(ctx, args),
    sources: (_, __, ctx) => listSources(ctx),
  },
  Entity: {
    aliases: (n) => list(n.aliases),
    aggregate: (n) => n.aggregate === true,
    count: (n) => (typeof n.count === 'number' ? n.count : null),
    validFrom: (n) => (typeof n.validFrom === 'number' ? n.validFrom : null),
    validUntil: (n) => (typeof n.validUntil === 'number' ? n.validUntil : null),
    description: (n) => (typeof n.description === 'string' ? n.description : null),
    documents: (n) => list(n.sources),
    conflicts: (n) => list(n.conflicts),
    properties: (n) => n,
    sources: async (n, _, ctx) => (await ctx.loaders.provenance.load(n.id)).map((p) => provenanceFromRow(p)),
    links: (n, args, ctx) => linksOf(ctx.loaders, n.id, args),
    places: (n, _, ctx) => placesOf(ctx.loaders, n.id),
    cluster: (n) => (n.kind === 'Cluster' ? clusterFacts(n) : null),
    chain: (n) => (n.kind === 'ValueChain' ? chainFacts(n) : null),
    type: (n) => typesOf(n),
    date: (n) => dateOf(n),
  },
  Link: {
    id: (l) => String(l.props.id ?? ''),
    from: (l, _, ctx) => requireEntity(ctx.loaders, l.outgoing ? l.selfId : l.otherId, 'link.from'),
    to: (l, _, ctx) => requireEntity(ctx.loaders, l.outgoing ? l.otherId : l.selfId, 'link.to'),
    other: (l, _, ctx) => l.other ?? requireEntity(ctx.loaders, l.otherId, 'link.other'),
    direction: (l) => (l.outgoing ? 'OUT' : 'IN'),
    form: (l) => relationshipField.form(l.props),
    qualifier: (l) => relationshipField.qualifier(l.props),
    validFrom: (l) => relationshipField.validFrom(l.props),
    validUntil: (l) => relationshipField.validUntil(l.props),
    source: (l) => relationshipField.provenance(l.props),
    properties: (l) => l.props,
  },
};
