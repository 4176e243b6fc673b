/**
 * An export asked for in text — the query string of GET /export, the flags of `kg export` — checked and turned
 * into a format and a selection. Each problem is a BAD_USER_INPUT error naming the parameter. Pure.
 */
import { LINK_TYPE_NAMES, NODE_KINDS } from '../../domain/enums.js';
import { BadInputError } from '../../errors.js';
import { FORMAT_NAMES, type FormatName } from './formats/index.js';
import type { ExportSelection } from './selection.js';

/** The parameters an export takes, each with what it means (the route's and the command's help). */
export const EXPORT_PARAMETERS = {
  format: 'csv (nodes.csv + edges.csv), json, gexf (Gephi) or graphml (igraph, networkx)',
  cluster: 'a cluster id: the cluster, its members and the actors tied to them',
  ids: 'entity ids, comma-separated: those entities (the viewer\'s view), or with hops the centre of a neighbourhood',
  hops: 'with ids: everything within that many hops (1 to MAX_HOPS)',
  types: 'relationship types, comma-separated (SUPPLIES,SELLS_TO…); default every type, or the actor network around ids with hops and for a cluster',
  kinds: 'entity kinds kept, comma-separated (Firm,Buyer…); default all',
  year: 'only relationships valid in that year',
  exclude: 'entity ids left out, comma-separated',
} as const;
export type ExportParameter = keyof typeof EXPORT_PARAMETERS;

const fold = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/** A parameter's values: repeated parameters and comma-separated lists both give lists. */
function list(name: string, v: unknown): string[] | null {
  if (v === undefined) return null;
  const items = (Array.isArray(v) ? v : [v]).map((x) => {
    if (typeof x !== 'string') throw new BadInputError(`${name}: give text, e.g. ${name}=a,b.`, name);
    return x;
  });
  const out = items.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
  return out.length ? out : null;
}

function single(name: string, v: unknown): string | null {
  const items = list(name, v);
  if (items && items.length > 1) throw new BadInputError(`${name}: give one value, not ${items.length}.`, name);
  return items?.[0] ?? null;
}

function wholeNumber(name: string, v: unknown): number | null {
  const s = single(name, v);
  if (s === null) return null;
  if (!/^-?\d+$/.test(s)) throw new BadInputError(`${name} must be a whole number, got "${s}".`, name);
  return Number(s);
}

/** Names matched without regard to case, spaces, dashes or underscores (firm, FIRM, value_chain, sells-to). */
function names(name: string, v: unknown, allowed: readonly string[]): string[] | null {
  const given = list(name, v);
  if (!given) return null;
  const byFold = new Map(allowed.map((a) => [fold(a), a]));
  const wrong = given.filter((g) => !byFold.has(fold(g)));
  if (wrong.length) throw new BadInputError(`${name}: ${wrong.join(', ')} ${wrong.length > 1 ? 'are' : 'is'} not one of ${allowed.join(', ')}.`, name);
  return given.map((g) => byFold.get(fold(g))!);
}

/** The format and selection of an export from text parameters; unknown parameters are refused by name. */
export function parseExportParameters(params: Record<string, unknown>): { format: FormatName; selection: ExportSelection } {
  const unknown = Object.keys(params).filter((k) => !(k in EXPORT_PARAMETERS));
  if (unknown.length) throw new BadInputError(`${unknown[0]}: not an export parameter; the parameters are ${Object.keys(EXPORT_PARAMETERS).join(', ')}.`, unknown[0]);
  const formatText = single('format', params.format);
  if (!formatText) throw new BadInputError(`format: give one of ${FORMAT_NAMES.join(', ')}.`, 'format');
  const format = FORMAT_NAMES.find((f) => f === formatText.toLowerCase());
  if (!format) throw new BadInputError(`format: "${formatText}" is not one of ${FORMAT_NAMES.join(', ')}.`, 'format');
  const selection: ExportSelection = {
    cluster: single('cluster', params.cluster),
    ids: list('ids', params.ids),
    hops: wholeNumber('hops', params.hops),
    types: names('types', params.types, LINK_TYPE_NAMES),
    kinds: names('kinds', params.kinds, NODE_KINDS),
    year: wholeNumber('year', params.year),
    exclude: list('exclude', params.exclude),
  };
  return { format, selection: Object.fromEntries(Object.entries(selection).filter(([, v]) => v !== null)) as ExportSelection };
}
