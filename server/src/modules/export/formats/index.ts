import { csvFormat } from './csv.js';
import { gexfFormat } from './gexf.js';
import { graphmlFormat } from './graphml.js';
import { jsonFormat } from './json.js';
import type { ExportFormat, FormatName } from './types.js';

export { FORMAT_NAMES, type ExportCounts, type ExportFormat, type ExportHeader, type FormatName, type GraphPages, type SourceDocument } from './types.js';

/** Every export format by name. */
export const FORMATS: Readonly<Record<FormatName, ExportFormat>> = { csv: csvFormat, json: jsonFormat, gexf: gexfFormat, graphml: graphmlFormat };
