import type { DirectedGraph } from 'graphology';
import { NotFoundError } from '../../errors.js';
import type { ServiceDeps } from '../context.js';
import { countBrokerage } from './brokerage.js';
import { directedGraph, reachableFrom } from './graphs.js';
import type { Partition } from './partition.js';
import { project, scopeParams, type NetworkScope, type ScopeParams } from './projection.js';
import { resolveTargets, type Targets } from './targets.js';
import type { BrokerageChangeModel, LostAccessModel, WhatIfModel } from './types.js';

/**
 * The actors (other than the removed and the targets) that reach some target in `graph` and no longer reach
 * some of them once `removed` are gone; most targets lost first, then by id. One breadth-first search per
 * actor before and after, bounded by MAX_ANALYSIS_NODES through the projection.
 */
export function lostAccess({ graph, removed, targets }: { graph: DirectedGraph; removed: ReadonlySet<string>; targets: ReadonlySet<string> }): LostAccessModel[] {
  const after = graph.copy();
  for (const r of removed) if (after.hasNode(r)) after.dropNode(r);
  const affected: LostAccessModel[] = [];
  for (const n of graph.nodes()) {
    if (removed.has(n) || targets.has(n)) continue;
    const before = [...reachableFrom(graph, n)].filter((t) => targets.has(t) && t !== n);
    if (!before.length) continue;
    const still = reachableFrom(after, n);
    const lostIds = before.filter((t) => !still.has(t)).sort();
    const keptIds = before.filter((t) => still.has(t)).sort();
    if (lostIds.length) affected.push({ actorId: n, lostIds, keptIds, cutOff: keptIds.length === 0 });
  }
  return affected.sort((x, y) => y.lostIds.length - x.lostIds.length || x.actorId.localeCompare(y.actorId));
}

/** Brokerage totals (index 5 of the raw counts) that change, for actors not removed; largest drop first, then by id. */
export function brokerageChanges({ before, after, removed }: { before: ReadonlyMap<string, number[]>; after: ReadonlyMap<string, number[]>; removed: ReadonlySet<string> }): BrokerageChangeModel[] {
  return [...before.keys()]
    .filter((id) => !removed.has(id))
    .map((id) => ({ actorId: id, before: before.get(id)![5]!, after: after.get(id)?.[5] ?? 0 }))
    .filter((c) => c.before !== c.after)
    .sort((x, y) => y.before - y.after - (x.before - x.after) || x.actorId.localeCompare(y.actorId));
}

/** What changes when actors disappear: who loses access to which targets (default: any buyer), and brokerage. */
export async function whatIf(
  deps: ServiceDeps,
  args: { remove: readonly string[]; targets?: Targets | null; scope?: NetworkScope | null; partition?: Partition | null },
): Promise<WhatIfModel> {
  const before = await scopeParams(deps, args.scope);
  const proj = await project(deps, before);
  const missing = args.remove.filter((x) => !proj.kinds.has(x));
  if (missing.length) throw new NotFoundError(`remove: ${missing.join(', ')} not in the analysed network.`, 'remove');
  const removed = new Set(args.remove);
  const targets = await resolveTargets(deps, { projection: proj, targets: args.targets });
  const after: ScopeParams = { ...before, exclude: [...before.exclude, ...args.remove] };
  const partition = args.partition ?? { by: 'KIND' };
  const b0 = await countBrokerage(deps, { scope: before, partition });
  const b1 = await countBrokerage(deps, { scope: after, partition });
  return {
    removedIds: [...args.remove],
    affected: lostAccess({ graph: directedGraph(proj), removed, targets }),
    brokerageChanges: brokerageChanges({ before: b0.raw, after: b1.raw, removed }),
    densityBefore: b0.density,
    densityAfter: b1.density,
  };
}
