import type { RequestHandler, Response } from 'express';
import type { Config } from '../../config.js';
import { AppError, type ErrorCode } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { Executor } from '../../neo4j/executor.js';
import { createLoaders } from '../entities/loaders.js';
import { streamOutput, zipOutput } from './output.js';
import { parseExportParameters } from './parameters.js';
import { prepareExport } from './service.js';

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  LIMIT_EXCEEDED: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  // 499: the client closed the request (nginx's code), the nearest to a cancelled analysis.
  CANCELLED: 499,
  UNAVAILABLE: 503,
  TIMEOUT: 504,
  INTERNAL: 500,
};

/** A refusal in the shape the GraphQL gate uses ({ errors: [{ message, extensions }] }), naming the parameter at fault. */
function refuse(res: Response, err: unknown, production: boolean): void {
  const e = err instanceof AppError ? err : new AppError('INTERNAL', err instanceof Error ? err.message : String(err));
  const hidden = e.code === 'INTERNAL' && production;
  const message = hidden ? 'Internal error; the server log has the details.' : e.message;
  res.status(STATUS[e.code]).json({ errors: [{ message, extensions: { code: e.code, ...(e.field ? { field: e.field } : {}), ...(e.details ?? {}) } }] });
}

/**
 * GET /export?format=gexf&cluster=… (parameters: EXPORT_PARAMETERS): the selection is checked before the first
 * byte, so a bad parameter gets a JSON error with its status; then the file streams as Neo4j is read, a page
 * at a time, as an attachment (CSV as a zip of nodes.csv and edges.csv). A failure once the file has started
 * can only cut the connection, which the client sees as an incomplete download; the log says why.
 */
export function exportRoute({ executor, config, logger }: { executor: Executor; config: Config; logger: Logger }): RequestHandler {
  const production = config.env === 'production';
  return (req, res) => {
    void (async () => {
      const scoped = executor.forRequest();
      const deps = { executor: scoped, limits: config.limits, loaders: createLoaders(scoped) };
      let prepared;
      try {
        prepared = await prepareExport(deps, parseExportParameters(req.query as Record<string, unknown>));
      } catch (err) {
        if (!(err instanceof AppError) || err.code === 'INTERNAL') logger.error({ err }, 'export failed');
        return refuse(res, err, production);
      }
      // attachment() would set the type from the extension (unknown for .gexf): the format's own type goes last.
      res.status(200).attachment(prepared.filename).type(prepared.format.mediaType);
      try {
        const counts = await prepared.write(prepared.format.name === 'csv' ? zipOutput(res) : streamOutput(res));
        logger.debug({ ...counts, file: prepared.filename }, 'export written');
      } catch (err) {
        logger.error({ err, file: prepared.filename }, 'export failed after it started; the connection is cut');
        res.destroy(err instanceof Error ? err : undefined);
      }
    })();
  };
}
