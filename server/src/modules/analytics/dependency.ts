import type { DirectedGraph } from 'graphology';
import { dominatorsOf, immediateDominators } from '../../domain/dominators.js';
import { NotFoundError } from '../../errors.js';
import type { ServiceDeps } from '../context.js';
import { directedGraph } from './graphs.js';
import { project, scopeParams, type NetworkScope } from './projection.js';
import { resolveTargets, type Targets } from './targets.js';
import type { DependencyModel } from './types.js';

/** Who every path from `root` to each reachable target passes through (dominators), and who is on all of them. */
export function mustPassThrough({ graph, root, targets }: { graph: DirectedGraph; root: string; targets: ReadonlySet<string> }): Omit<DependencyModel, 'actorId'> {
  const idom = immediateDominators(root, (n) => graph.outNeighbors(n));
  const reachable = [...targets].filter((t) => t !== root && idom.has(t)).sort();
  const perTarget = reachable.map((t) => ({ targetId: t, mustPassThroughIds: dominatorsOf(idom, root, t) }));
  const onEvery = (x: string) => perTarget.every((p) => p.mustPassThroughIds.includes(x));
  return { reachableTargetIds: reachable, mustPassThroughIds: perTarget[0]?.mustPassThroughIds.filter(onEvery) ?? [], perTarget };
}

/** An actor's dependency in a scope: the actors all of its paths to the targets (default: any buyer) pass through. */
export async function dependency(deps: ServiceDeps, args: { id: string; targets?: Targets | null; scope?: NetworkScope | null }): Promise<DependencyModel> {
  const proj = await project(deps, await scopeParams(deps, args.scope));
  if (!proj.kinds.has(args.id)) throw new NotFoundError(`id: ${args.id} is not an actor of the analysed network (check scope.kinds and scope.types).`, 'id');
  const targets = await resolveTargets(deps, { projection: proj, targets: args.targets });
  return { actorId: args.id, ...mustPassThrough({ graph: directedGraph(proj), root: args.id, targets }) };
}
