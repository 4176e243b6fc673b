import { AppError } from '../../errors.js';
import type { Context } from '../context.js';
import type { ExportFormat, Resolvers } from '../resolvers.generated.js';
import type { FormatName } from './formats/index.js';
import { exportText } from './service.js';

/** The GraphQL ExportFormat values and the formats they name. */
const FORMAT_OF: Record<ExportFormat, FormatName> = { CSV: 'csv', JSON: 'json', GEXF: 'gexf', GRAPHML: 'graphml' };

/**
 * The selection's checks are shared with GET /export, where `cluster` is a top-level parameter; here it sits
 * inside the `selection` argument, and the error says so (`selection.cluster: no entity …`).
 */
function withinSelection(err: unknown): unknown {
  if (!(err instanceof AppError) || !err.field || err.field.startsWith('selection.') || err.field === 'format') return err;
  const field = `selection.${err.field}`;
  const message = err.message.startsWith(`${err.field}:`) ? `selection.${err.message}` : err.message;
  return new AppError(err.code, message, { field, details: err.details, cause: err });
}

export const exportResolvers: Resolvers<Context> = {
  Query: {
    exportNetwork: async (_, { format, selection }, ctx) => {
      try {
        return { ...(await exportText(ctx, { format: FORMAT_OF[format], selection: selection ?? {} })), format };
      } catch (err) {
        throw withinSelection(err);
      }
    },
  },
};
