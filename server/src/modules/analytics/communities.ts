import type { UndirectedGraph } from 'graphology';
import { connectedComponents, stronglyConnectedComponents } from 'graphology-components';
import { louvain } from '../../domain/graphology.js';
import type { ServiceDeps } from '../context.js';
import { density, directedGraph, reciprocity, undirectedGraph } from './graphs.js';
import { project, scopeParams, type NetworkScope } from './projection.js';
import type { CommunityModel } from './types.js';

/** A linear congruential generator (Numerical Recipes constants): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1664525 + 1013904223) % 4294967296) / 4294967296;
}

/**
 * Louvain communities of an undirected graph, largest first (then by first member), members in node order.
 * Louvain is randomised: a fixed seed makes the answer repeatable for the same network. Without edges,
 * every actor is its own community and modularity is 0.
 */
export function louvainCommunities(u: UndirectedGraph, seed = 42): { communities: string[][]; modularity: number } {
  const detail = u.size > 0 ? louvain.detailed(u, { rng: seededRandom(seed) }) : { communities: Object.fromEntries(u.nodes().map((n, i) => [n, i])), modularity: 0 };
  const byCommunity = new Map<number, string[]>();
  for (const [n, c] of Object.entries(detail.communities)) byCommunity.set(c, [...(byCommunity.get(c) ?? []), n]);
  const communities = [...byCommunity.values()].sort((x, y) => y.length - x.length || x[0]!.localeCompare(y[0]!));
  return { communities, modularity: detail.modularity };
}

export interface CommunityReport {
  communities: CommunityModel[];
  modularity: number;
  weakComponents: number;
  strongComponents: number;
  density: number;
  reciprocity: number;
  actors: number;
  arcs: number;
}

/** Communities, components, density and reciprocity of a scope. */
export async function communityStructure(deps: ServiceDeps, args: { scope?: NetworkScope | null }): Promise<CommunityReport> {
  const proj = await project(deps, await scopeParams(deps, args.scope));
  const u = undirectedGraph(proj);
  const { communities, modularity } = louvainCommunities(u);
  return {
    communities: communities.map((members, i) => ({ id: i, size: members.length, memberIds: members })),
    modularity,
    weakComponents: connectedComponents(u).length,
    strongComponents: stronglyConnectedComponents(directedGraph(proj)).length,
    density: density(proj.nodes.length, proj.arcs.length),
    reciprocity: reciprocity(proj.arcs),
    actors: proj.nodes.length,
    arcs: proj.arcs.length,
  };
}
