import type { Context } from '../context.js';
import { relationshipField } from '../core/edges.js';
import type { Resolvers } from '../resolvers.generated.js';
import { neighbourhood } from './neighbourhood.js';
import { findPaths } from './paths.js';

export const networkResolvers: Resolvers<Context> = {
  Query: {
    neighbourhood: (_, args, ctx) => neighbourhood(ctx, args),
    paths: (_, args, ctx) => findPaths(ctx, args),
  },
  Edge: {
    form: (e) => relationshipField.form(e.props),
    qualifier: (e) => relationshipField.qualifier(e.props),
    validFrom: (e) => relationshipField.validFrom(e.props),
    validUntil: (e) => relationshipField.validUntil(e.props),
    provenance: (e) => relationshipField.provenance(e.props),
    properties: (e) => e.props,
  },
};
