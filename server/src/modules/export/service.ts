import { LimitError } from '../../errors.js';
import type { ServiceDeps } from '../context.js';
import { entitiesStatements } from '../entities/statements.js';
import { FORMATS, type ExportCounts, type ExportFormat, type FormatName } from './formats/index.js';
import { memoryOutput, type ExportOutput } from './output.js';
import { edgePages, nodePages } from './pages.js';
import { resolveSelection, type ExportSelection, type ResolvedSelection } from './selection.js';
import { exportStatements as S } from './statements.js';

/** An export about to be written: its format, its resolved selection and the name its file is offered under. */
export interface PreparedExport {
  format: ExportFormat;
  selection: ResolvedSelection;
  /** clustergraph-<what>.<extension>, e.g. clustergraph-cluster-sinos-valley-footwear.gexf. */
  filename: string;
  /** Writes it to `output` and says how many entities and relationships it holds. */
  write(output: ExportOutput): Promise<ExportCounts>;
}

function filenameOf(selection: ExportSelection, format: ExportFormat): string {
  const what = selection.cluster ?? (selection.ids?.length ? (selection.hops ? `${selection.ids[0]}-${selection.hops}-hops` : 'selection') : 'graph');
  return `clustergraph-${what.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80)}.${format.extension}`;
}

/**
 * Checks a selection and prepares its export; nothing is written until `write`. Selection errors (unknown
 * ids, a bad type, too many hops…) surface here, before a download has sent its first byte. With
 * `maxNodes`, a selection of more entities is refused (LIMIT_EXCEEDED, naming `limitName`).
 */
export async function prepareExport(
  deps: ServiceDeps,
  args: { format: FormatName; selection: ExportSelection; maxNodes?: number; limitName?: string },
): Promise<PreparedExport> {
  const format = FORMATS[args.format];
  const selection = await resolveSelection(deps, args.selection);
  if (args.maxNodes !== undefined) {
    const [row] = await deps.executor.read(S.entityCount, { ids: selection.ids, kinds: selection.kinds, exclude: selection.exclude });
    const count = row?.count ?? 0;
    if (count > args.maxNodes) {
      throw new LimitError('entities selected', args.maxNodes, count, `${args.limitName ?? 'This export'}: narrow the selection, or download it from GET /export or with \`npm run kg -- export\`, which stream any size.`);
    }
  }
  const sources = await deps.executor.read(entitiesStatements.listSources);
  const header = {
    description: `Cluster graph export: ${selection.description}`,
    exportedAt: new Date().toISOString(),
    selection: { ...args.selection },
    sources: sources.map(({ key, title, authors, year, publisher }) => ({ key, title, authors, year, publisher })),
  };
  return {
    format,
    selection,
    filename: filenameOf(args.selection, format),
    write: (output) => format.write(output, header, { nodes: nodePages(deps, selection), edges: edgePages(deps, selection) }),
  };
}

/** What `exportText` returns (the GraphQL ExportResult): the files as text (one, or CSV's two) and the counts. */
export interface ExportTextModel {
  format: FormatName;
  /** The one file's text; null for CSV, whose two files are in `files`. */
  text: string | null;
  files: { name: string; mediaType: string; text: string }[];
  nodeCount: number;
  edgeCount: number;
}

/** A small export as text, for GraphQL: refused above MAX_SUBGRAPH_NODES entities. */
export async function exportText(deps: ServiceDeps, args: { format: FormatName; selection: ExportSelection }): Promise<ExportTextModel> {
  const prepared = await prepareExport(deps, { ...args, maxNodes: deps.limits.subgraphNodes, limitName: 'exportNetwork returns at most MAX_SUBGRAPH_NODES entities' });
  const output = memoryOutput();
  const counts = await prepared.write(output);
  const f = prepared.format;
  const single = output.files.length === 1;
  const files = output.files.map((x) => ({ name: single ? prepared.filename : x.name, mediaType: f.fileMediaType, text: x.text }));
  return { format: f.name, text: single ? files[0]!.text : null, files, nodeCount: counts.nodes, edgeCount: counts.edges };
}
