// From GraphQL entities and edges to Cytoscape element definitions (and back, for exports).
import type cytoscape from 'cytoscape';
import { SYMMETRIC_TYPES, type Edge, type Entity } from '../api/types.js';
import { BASE_NODE_SIZE, largeStyleData } from './style.js';

/** What every drawn node carries: enough to filter, size, export and show it without asking the server. */
export interface NodeData {
  id: string;
  label: string;
  name: string;
  kind: string;
  aggregate: boolean;
  types: string;
  validFrom: number | null;
  validUntil: number | null;
  country: string | null;
  countryName: string | null;
  sectorGroup: string | null;
  governance: string | null;
  size: number;
  tier?: number;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  form: string | null;
  formKey?: string;
  qualifier: string | null;
  governance?: string;
  validFrom: number | null;
  validUntil: number | null;
  symmetric: boolean;
}

const LABEL_MAX = 42;

export function shortLabel(name: string): string {
  return name.length > LABEL_MAX ? `${name.slice(0, LABEL_MAX - 1)}…` : name;
}

export function nodeData(e: Entity): NodeData {
  const country = e.places?.find((p) => p.type.includes('country')) ?? null;
  return {
    id: e.id,
    label: shortLabel(e.name),
    name: e.name,
    kind: e.kind,
    aggregate: e.aggregate,
    types: (e.type ?? []).join(', '),
    validFrom: e.validFrom ?? null,
    validUntil: e.validUntil ?? null,
    country: country?.id ?? null,
    countryName: country?.name ?? null,
    sectorGroup: e.cluster?.sectorGroup ?? null,
    governance: e.chain?.governanceHS ?? e.chain?.governanceGHS ?? null,
    size: e.kind === 'CLUSTER' ? BASE_NODE_SIZE * 1.5 : BASE_NODE_SIZE,
  };
}

export function edgeData(e: Edge, extra: Partial<EdgeData> = {}): EdgeData {
  return {
    id: e.id,
    source: e.source,
    target: e.target,
    type: e.type,
    form: e.form ?? null,
    qualifier: e.qualifier ?? null,
    validFrom: e.validFrom ?? null,
    validUntil: e.validUntil ?? null,
    symmetric: SYMMETRIC_TYPES.has(e.type),
    ...extra,
  };
}

export interface ElementSet {
  nodes: NodeData[];
  edges: EdgeData[];
}

/** Entities and edges of a subgraph as element data, each once, edges only between present nodes. */
export function toElementSet(nodes: Entity[], edges: Edge[], edgeExtra: (e: Edge) => Partial<EdgeData> = () => ({})): ElementSet {
  const byId = new Map<string, NodeData>();
  for (const n of nodes) if (!byId.has(n.id)) byId.set(n.id, nodeData(n));
  const seen = new Set<string>();
  const out: EdgeData[] = [];
  for (const e of edges) {
    if (seen.has(e.id) || !byId.has(e.source) || !byId.has(e.target)) continue;
    seen.add(e.id);
    out.push(edgeData(e, edgeExtra(e)));
  }
  return { nodes: [...byId.values()], edges: out };
}

/** Chain links (with a governance) and cooperation links (with a form) get the classes that colour them. */
function defaultClasses(d: NodeData | EdgeData): string {
  if ('governance' in d && 'source' in d && d.governance) return 'chain-link';
  if ('formKey' in d && d.formKey) return 'joint-link';
  return '';
}

export function toDefinitions(set: ElementSet, classes: (d: NodeData | EdgeData) => string = defaultClasses): cytoscape.ElementDefinition[] {
  return [
    // Each element also carries the colour and shape fields of the large-graph stylesheet.
    ...set.nodes.map((data) => ({ group: 'nodes' as const, data: { ...data, ...largeStyleData(data) }, classes: classes(data) })),
    ...set.edges.map((data) => ({ group: 'edges' as const, data: { ...data, ...largeStyleData(data) }, classes: classes(data) })),
  ];
}

/** Whether an element existed in a year (unknown years count as valid, as on the server). */
export function validIn(d: { validFrom: number | null; validUntil: number | null }, year: number | null): boolean {
  if (year === null) return true;
  return (d.validFrom === null || d.validFrom <= year) && (d.validUntil === null || d.validUntil >= year);
}
