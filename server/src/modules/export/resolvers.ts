import type { Context } from '../context.js';
import type { ExportFormat, Resolvers } from '../resolvers.generated.js';
import type { FormatName } from './formats/index.js';
import { exportText } from './service.js';

/** The GraphQL ExportFormat values and the formats they name. */
const FORMAT_OF: Record<ExportFormat, FormatName> = { CSV: 'csv', JSON: 'json', GEXF: 'gexf', GRAPHML: 'graphml' };

export const exportResolvers: Resolvers<Context> = {
  Query: {
    exportNetwork: async (_, { format, selection }, ctx) => ({ ...(await exportText(ctx, { format: FORMAT_OF[format], selection: selection ?? {} })), format }),
  },
};
