// Value-chain view: `traceValueChain` tiers laid out left to right, each link coloured by the governance of
// the chains both ends share.
import type cytoscape from 'cytoscape';
import { gql } from '../api/client.js';
import { TRACE_VALUE_CHAIN } from '../api/queries.js';
import type { Edge, Entity } from '../api/types.js';
import { nodeData, edgeData, type EdgeData, type NodeData } from '../graph/elements.js';
import { t } from '../i18n/index.js';
import type { ViewResult } from './types.js';

interface Trace {
  truncated: boolean;
  tiers: { tier: number; nodes: Entity[] }[];
  edges: { tier: number; governanceHS: string[]; governanceGHS: string[]; edge: Edge }[];
  chains: { role: string; chain: { id: string; name: string; chain: { governanceHS: string | null; governanceGHS: string | null } | null } }[];
}

export interface ChainArgs {
  id: string;
  direction: 'DOWNSTREAM' | 'UPSTREAM';
  tiers: number;
  year: number | null;
}

export async function loadChain(a: ChainArgs): Promise<ViewResult & { chains: Trace['chains'] }> {
  const { traceValueChain: tr } = await gql<{ traceValueChain: Trace }>(TRACE_VALUE_CHAIN, { id: a.id, direction: a.direction, tiers: a.tiers, year: a.year });
  const nodes = new Map<string, NodeData>();
  for (const tier of tr.tiers) for (const n of tier.nodes) if (!nodes.has(n.id)) nodes.set(n.id, { ...nodeData(n), tier: tier.tier });
  const edges: EdgeData[] = [];
  const seen = new Set<string>();
  for (const te of tr.edges) {
    if (seen.has(te.edge.id) || !nodes.has(te.edge.source) || !nodes.has(te.edge.target)) continue;
    seen.add(te.edge.id);
    edges.push(edgeData(te.edge, { governance: te.governanceHS[0] ?? te.governanceGHS[0] ?? 'UNKNOWN_GOVERNANCE' }));
  }
  const labels: cytoscape.ElementDefinition[] = tr.tiers.map((tier) => ({
    group: 'nodes', classes: 'tier-label', selectable: false, grabbable: false,
    data: { id: `tier-label-${tier.tier}`, tier: tier.tier, label: tier.tier === 0 ? t('tierStart') : t('tier', { n: tier.tier }) },
  }));
  return {
    set: { nodes: [...nodes.values()], edges },
    layout: 'chain',
    extra: labels,
    truncatedBy: tr.truncated ? 'MAX_SUBGRAPH_NODES' : null,
    chains: tr.chains,
  };
}

