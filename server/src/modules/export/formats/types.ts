import type { ExportEdge, ExportNode } from '../columns.js';
import type { ExportOutput } from '../output.js';

/** A source document, as the JSON export lists those its statements cite. */
export interface SourceDocument {
  key: string;
  title: string | null;
  authors: string[] | null;
  year: number | null;
  publisher: string | null;
}

/** What an export says about itself (GEXF meta, GraphML graph data, JSON meta). */
export interface ExportHeader {
  /** The selection in words ("cluster:sinos-valley-footwear, its members and the actors tied to them"). */
  description: string;
  /** When it was written (ISO 8601). */
  exportedAt: string;
  /** The selection as given, for the JSON meta. */
  selection: Record<string, unknown>;
  /** The source documents; the JSON export lists those it cites. */
  sources: SourceDocument[];
}

/** The selected graph, read from Neo4j a page at a time: every node page, then every edge page. */
export interface GraphPages {
  nodes: AsyncIterable<ExportNode[]>;
  edges: AsyncIterable<ExportEdge[]>;
}

export interface ExportCounts {
  nodes: number;
  edges: number;
}

export const FORMAT_NAMES = ['csv', 'json', 'gexf', 'graphml'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export interface ExportFormat {
  name: FormatName;
  /** The extension of the one file, or of the zip holding the files (csv). */
  extension: string;
  /** The media type of the one file, or of the zip. */
  mediaType: string;
  /** The media type of each file inside. */
  fileMediaType: string;
  /** The files it writes, in order. */
  files: readonly string[];
  /** Writes the graph, one chunk per page, and counts what it wrote. */
  write(output: ExportOutput, header: ExportHeader, pages: GraphPages): Promise<ExportCounts>;
}
