import { structuralHoles } from '../../domain/structuralHoles.js';
import type { ServiceDeps } from '../context.js';
import { project, scopeParams, type NetworkScope } from './projection.js';
import type { StructuralHolesModel } from './types.js';

/**
 * Burt's structural-hole measures (domain/structuralHoles.ts) of the actors of a scope, least
 * constrained first (undefined constraint last, then by id). Without `ids`, actors with no alters are
 * left out; with `ids`, exactly those of them in the scope are listed.
 */
export async function rankStructuralHoles(deps: ServiceDeps, args: { scope?: NetworkScope | null; ids?: readonly string[] | null; first: number }): Promise<StructuralHolesModel[]> {
  const proj = await project(deps, await scopeParams(deps, args.scope));
  const measured = structuralHoles(proj.nodes, proj.arcs);
  const ids = args.ids?.length ? args.ids.filter((x) => measured.has(x)) : [...measured.keys()].filter((x) => measured.get(x)!.degree > 0);
  return ids
    .map((id) => ({ actorId: id, ...measured.get(id)! }))
    .sort((x, y) => (x.constraint ?? Infinity) - (y.constraint ?? Infinity) || x.actorId.localeCompare(y.actorId))
    .slice(0, args.first);
}
