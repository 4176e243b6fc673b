import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { EXPORT_PARAMETERS } from '../../modules/export/parameters.js';
import { directoryOutput, streamOutput, zipOutput, type ExportOutput } from '../../modules/export/output.js';
import { parseExportParameters } from '../../modules/export/parameters.js';
import { prepareExport } from '../../modules/export/service.js';
import { DATABASE_HELP, DATABASE_OPTIONS, parseCommandLine, print, UsageError, type CliIO, type Command } from '../command.js';
import { withDatabase } from '../database.js';

const OPTIONS = {
  ...DATABASE_OPTIONS,
  format: { type: 'string' },
  cluster: { type: 'string' },
  ids: { type: 'string' },
  hops: { type: 'string' },
  types: { type: 'string' },
  kinds: { type: 'string' },
  year: { type: 'string' },
  exclude: { type: 'string' },
  out: { type: 'string' },
} as const;

const pad = (s: string) => s.padEnd(16);

/** Where the export goes: a file, a folder (CSV's two files), a zip, or stdout. */
async function destination(format: string, out: string | undefined, io: CliIO): Promise<{ output: ExportOutput; files: string[] }> {
  if (format === 'csv' && out && !out.endsWith('.zip')) return { output: directoryOutput(out), files: [path.join(out, 'nodes.csv'), path.join(out, 'edges.csv')] };
  if (out) {
    const file = createWriteStream(out);
    await Promise.race([once(file, 'open'), once(file, 'error').then(([err]) => { throw new UsageError(`--out: cannot write ${out} (${(err as Error).message}).`); })]);
    return { output: format === 'csv' ? zipOutput(file) : streamOutput(file), files: [out] };
  }
  if (format === 'csv' && io.stdout.isTTY) throw new UsageError('csv writes two files: give --out DIR (nodes.csv and edges.csv) or --out FILE.zip, or pipe the zip somewhere.');
  return { output: format === 'csv' ? zipOutput(io.stdout, { end: false }) : streamOutput(io.stdout, { end: false }), files: ['-'] };
}

export const exportCommand: Command = {
  name: 'export',
  help: `Usage: kg export --format csv|json|gexf|graphml [selection] [--out FILE|DIR] [--json]

Writes the graph or part of it, with provenance, read from Neo4j a page at a time (any size). The
same selection as GET /export and the GraphQL query exportNetwork; columns: README, "Exporting and the
command line".

Options:
${Object.entries(EXPORT_PARAMETERS).map(([k, v]) => `  --${pad(`${k} ${k === 'format' ? 'F' : k === 'hops' || k === 'year' ? 'N' : 'X'}`)}${v}`).join('\n')}
  --out FILE|DIR   where to write (default stdout); csv: a folder for nodes.csv and edges.csv, or FILE.zip
${DATABASE_HELP}

With --json and --out, a summary ({"format", "files", "nodes", "edges"}) goes to stdout.

Examples:
  kg export --format gexf --cluster cluster:sinos-valley-footwear --out sinos.gexf
  kg export --format csv --out graph/                     # the whole graph: graph/nodes.csv, graph/edges.csv
  kg export --format graphml --ids firm:segusino --hops 2 --types SUBCONTRACTOR_OF,SELLS_TO > segusino.graphml`,
  async run(args, io) {
    const { values } = parseCommandLine(args, OPTIONS, { min: 0, max: 0, names: '' });
    if (!values.format) throw new UsageError('--format is required: csv, json, gexf or graphml.');
    const { uri, json, out, ...params } = values;
    const request = parseExportParameters(Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)));
    return withDatabase({ uri, progress: (l) => void io.stderr.write(`${l}\n`) }, async (db) => {
      // The selection is checked (ids, cluster, hops) before a file is created.
      const prepared = await prepareExport(db.deps, request);
      const { output, files } = await destination(request.format, out, io);
      const counts = await prepared.write(output);
      const summary = { format: request.format, files, nodes: counts.nodes, edges: counts.edges };
      if (json && out) await print(io.stdout, JSON.stringify(summary));
      else await print(io.stderr, `kg export: ${counts.nodes} entities and ${counts.edges} relationships (${prepared.selection.description}) written to ${out ? files.join(' and ') : 'stdout'} as ${request.format}.`);
      return 0;
    });
  },
};
