import { buildCsr } from '../../domain/csr.js';
import { holesAt, structuralHolesOf } from '../../domain/structuralHoles.js';
import { LimitError } from '../../errors.js';
import type { ServiceDeps } from '../context.js';
import { checkpoint, subControl, type AnalysisControl } from './control.js';
import { projectCompact, scopeParams, type CompactProjection, type NetworkScope } from './projection.js';
import type { StructuralHolesModel } from './types.js';

/**
 * The scope as typed arrays (projectCompact), under the bound the in-memory measures keep,
 * MAX_ANALYSIS_NODES (projectCompact's own bound is brokerage's, far larger).
 */
async function load(deps: ServiceDeps, scope: NetworkScope | null | undefined, control?: AnalysisControl): Promise<CompactProjection> {
  const max = deps.limits.analysisNodes;
  try {
    return await projectCompact({ ...deps, limits: { ...deps.limits, brokerageNodes: max } }, await scopeParams(deps, scope), control);
  } catch (e) {
    if (e instanceof LimitError) throw new LimitError('actors in the analysed network', max, Number(e.details?.actual), 'Narrow the scope (kinds, ids, clusterId) or raise MAX_ANALYSIS_NODES.');
    throw e;
  }
}

/**
 * Burt's structural-hole measures (domain/structuralHoles.ts, on the typed-array CSR) of the actors of a
 * scope, least constrained first (undefined constraint last, then by id). Without `ids`, actors with no
 * alters are left out; with `ids`, exactly those of them in the scope are listed. Progress: reading the
 * network 0–50 %, measuring 50–100 %; `control` can cancel at either stage.
 */
export async function rankStructuralHoles(
  deps: ServiceDeps,
  args: { scope?: NetworkScope | null; ids?: readonly string[] | null; first: number },
  control?: AnalysisControl,
): Promise<StructuralHolesModel[]> {
  const proj = await load(deps, args.scope, subControl(control, 0, 0.5));
  const csr = buildCsr(proj.nodes.length, proj.src, proj.dst);
  const part = subControl(control, 0.5, 1);
  const stage = `structural holes of ${csr.n.toLocaleString('en')} actors`;
  const measured = structuralHolesOf(csr, { progress: (f) => checkpoint(part, f, stage) });
  const indexOf = new Map(proj.nodes.map((id, v) => [id, v]));
  const listed = args.ids?.length
    ? args.ids.filter((id) => indexOf.has(id))
    : proj.nodes.filter((_, v) => measured.degree[v]! > 0);
  return listed
    .map((id) => ({ actorId: id, ...holesAt(measured, indexOf.get(id)!) }))
    .sort((x, y) => (x.constraint ?? Infinity) - (y.constraint ?? Infinity) || x.actorId.localeCompare(y.actorId))
    .slice(0, args.first);
}
