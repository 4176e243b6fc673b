// The stylesheet as named constants: every shape, colour and line style here carries a meaning that the
// legend (panels/legend.ts) explains from these same tables.
import type cytoscape from 'cytoscape';

type NodeShape = cytoscape.Css.NodeShape;

/** Shape and colours per entity kind. */
export const KIND_STYLE: Record<string, { shape: NodeShape; fill: string; border: string }> = {
  CLUSTER: { shape: 'round-octagon', fill: '#fde68a', border: '#b45309' },
  FIRM: { shape: 'ellipse', fill: '#bfdbfe', border: '#1d4ed8' },
  BUYER: { shape: 'diamond', fill: '#fecaca', border: '#b91c1c' },
  INSTITUTION: { shape: 'round-rectangle', fill: '#bbf7d0', border: '#15803d' },
  PROGRAM: { shape: 'hexagon', fill: '#ddd6fe', border: '#6d28d9' },
  PERSON: { shape: 'round-triangle', fill: '#fbcfe8', border: '#be185d' },
  VALUE_CHAIN: { shape: 'rhomboid', fill: '#e5e7eb', border: '#374151' },
  PLACE: { shape: 'vee', fill: '#e7e5e4', border: '#78716c' },
  EVENT: { shape: 'star', fill: '#fed7aa', border: '#c2410c' },
  UPGRADING: { shape: 'round-tag', fill: '#d9f99d', border: '#4d7c0f' },
};

export type LineStyle = 'solid' | 'dashed' | 'dotted';

/** Colour and line style per relationship type: flows in blues, ownership in violets, cooperation green,
 * support in oranges, membership and chain roles dashed grey, context dotted. */
export const LINK_STYLE: Record<string, { color: string; line: LineStyle }> = {
  SUPPLIES: { color: '#2563eb', line: 'solid' },
  SUBCONTRACTOR_OF: { color: '#0891b2', line: 'solid' },
  SELLS_TO: { color: '#1e3a8a', line: 'solid' },
  OWNS: { color: '#7c3aed', line: 'solid' },
  JOINT_VENTURE: { color: '#a855f7', line: 'solid' },
  FRANCHISES: { color: '#c026d3', line: 'solid' },
  COOPERATES_WITH: { color: '#16a34a', line: 'solid' },
  COMPETES_WITH: { color: '#e11d48', line: 'solid' },
  SUPPORTS: { color: '#ea580c', line: 'solid' },
  BROKERS_FOR: { color: '#dc2626', line: 'solid' },
  RUNS: { color: '#b45309', line: 'solid' },
  TARGETS: { color: '#d97706', line: 'solid' },
  FUNDS: { color: '#a16207', line: 'solid' },
  MEMBER_OF: { color: '#94a3b8', line: 'dashed' },
  PARTICIPATES_IN: { color: '#64748b', line: 'dashed' },
  LEADS: { color: '#334155', line: 'dashed' },
  HAS_CHAIN: { color: '#475569', line: 'dashed' },
  LOCATED_IN: { color: '#cbd5e1', line: 'dotted' },
  AFFECTS: { color: '#a8a29e', line: 'dotted' },
  UNDERWENT: { color: '#78716c', line: 'dotted' },
};

/** Chain-link colour per governance type (value-chain view): from arm's length (green) to hierarchy (red). */
export const GOVERNANCE_COLOR: Record<string, string> = {
  MARKET: '#16a34a',
  MODULAR: '#0ea5e9',
  NETWORK: '#2563eb',
  RELATIONAL: '#6366f1',
  QUASI_HIERARCHY: '#ea580c',
  CAPTIVE: '#d97706',
  HIERARCHY: '#dc2626',
  UNKNOWN_GOVERNANCE: '#9ca3af',
};

/** Cooperation-link colour per joint-action form (joint-action view). */
export const FORM_COLOR: Record<string, string> = {
  backward_vertical: '#0891b2',
  forward_vertical: '#2563eb',
  horizontal_bilateral: '#16a34a',
  horizontal_multilateral: '#65a30d',
  unspecified: '#9ca3af',
};

/** Ring colour per Gould–Fernandez brokerage role (the actor's strongest role). */
export const ROLE_COLOR: Record<string, string> = {
  coordinator: '#0ea5e9',
  itinerant: '#a855f7',
  representative: '#f59e0b',
  gatekeeper: '#ef4444',
  liaison: '#10b981',
};

export const BASE_NODE_SIZE = 30;

const kindRules = Object.entries(KIND_STYLE).map(([kind, s]) => ({
  selector: `node[kind = "${kind}"]`,
  style: { shape: s.shape, 'background-color': s.fill, 'border-color': s.border },
}));
const linkRules = Object.entries(LINK_STYLE).map(([type, s]) => ({
  selector: `edge[type = "${type}"]`,
  style: { 'line-color': s.color, 'target-arrow-color': s.color, 'line-style': s.line },
}));
const governanceRules = Object.entries(GOVERNANCE_COLOR).map(([g, c]) => ({
  selector: `edge.chain-link[governance = "${g}"]`,
  style: { 'line-color': c, 'target-arrow-color': c, width: 3.5 },
}));
const formRules = Object.entries(FORM_COLOR).map(([f, c]) => ({
  selector: `edge.joint-link[formKey = "${f}"]`,
  style: { 'line-color': c, 'target-arrow-color': c, width: 3 },
}));
const roleRules = Object.entries(ROLE_COLOR).map(([r, c]) => ({
  selector: `node.broker[role = "${r}"]`,
  style: { 'underlay-color': c, 'underlay-opacity': 0.55, 'underlay-padding': 7, 'underlay-shape': 'ellipse' },
}));

/** The full stylesheet (small and medium graphs). */
export const stylesheet = [
  {
    selector: 'node',
    style: {
      width: 'data(size)',
      height: 'data(size)',
      'border-width': 1.5,
      label: 'data(label)',
      'font-family': 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      'font-size': 10,
      color: '#1f2937',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '120px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 7,
    },
  },
  ...kindRules,
  { selector: 'node[?aggregate]', style: { 'border-style': 'double', 'border-width': 4.5 } },
  {
    selector: 'edge',
    style: {
      width: 1.8,
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      opacity: 0.85,
    },
  },
  ...linkRules,
  { selector: 'edge[?symmetric]', style: { 'target-arrow-shape': 'none' } },
  ...governanceRules,
  ...formRules,
  ...roleRules,
  { selector: 'node.pinned', style: { 'border-width': 4, 'border-color': '#111827', 'border-style': 'solid' } },
  { selector: 'node.prospect', style: { 'border-width': 4, 'border-color': '#ca8a04', 'border-style': 'dashed' } },
  { selector: 'node.me', style: { 'border-width': 5, 'border-color': '#16a34a', 'border-style': 'solid' } },
  { selector: 'node:selected', style: { 'overlay-color': '#2563eb', 'overlay-opacity': 0.18, 'overlay-padding': 6, 'font-weight': 'bold' } },
  { selector: 'edge:selected', style: { width: 4, 'overlay-color': '#2563eb', 'overlay-opacity': 0.15 } },
  { selector: '.faded', style: { opacity: 0.15 } },
  { selector: 'edge.path-on', style: { width: 5, opacity: 1, 'z-index': 10 } },
  { selector: 'node.path-on', style: { 'border-width': 4, 'border-color': '#111827', 'z-index': 10 } },
  { selector: '.filtered, .hidden-by-user', style: { display: 'none' } },
  {
    selector: 'node.tier-label',
    style: {
      shape: 'round-rectangle', 'background-opacity': 0, 'border-width': 0, width: 10, height: 10, label: 'data(label)',
      'font-size': 14, 'font-weight': 'bold', color: '#475569', 'text-valign': 'center', 'text-background-opacity': 0, events: 'no',
    },
  },
] as unknown as cytoscape.StylesheetJson;

/**
 * The simplified stylesheet for large graphs: a handful of selectors (Cytoscape matches every element against
 * every selector, which dominates the first frame of 15,000 elements), colours and shapes read from the
 * elements' data (see largeStyleData), no labels unless selected, straight edges without arrows.
 */
export const largeGraphStylesheet = [
  { selector: 'node', style: { width: 'data(size)', height: 'data(size)', shape: 'data(shape)', 'background-color': 'data(fill)', 'border-width': 0, label: '' } },
  { selector: 'node:selected', style: { label: 'data(label)', 'font-size': 10, 'border-width': 3, 'border-color': '#2563eb' } },
  { selector: 'edge', style: { 'curve-style': 'haystack', width: 1, opacity: 0.45, 'line-color': 'data(color)' } },
  { selector: '.faded', style: { opacity: 0.12 } },
  { selector: '.path-on', style: { width: 4, opacity: 1, 'border-width': 3, 'border-color': '#111827' } },
  { selector: '.filtered, .hidden-by-user', style: { display: 'none' } },
] as unknown as cytoscape.StylesheetJson;

/** The data fields largeGraphStylesheet reads, from the same tables as the full style. */
export function largeStyleData(d: { kind?: string; type?: string }): Record<string, string> {
  if (d.kind) {
    const k = KIND_STYLE[d.kind];
    return { fill: k?.fill ?? '#cbd5e1', shape: k?.shape ?? 'ellipse' };
  }
  return { color: LINK_STYLE[d.type ?? '']?.color ?? '#94a3b8' };
}
