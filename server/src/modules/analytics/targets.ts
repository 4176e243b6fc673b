import type { ServiceDeps } from '../context.js';
import { existingEntities } from '../entities/loaders.js';
import type { EntityRow } from '../entities/statements.js';
import type { Projection } from './projection.js';

/** Which actors count as targets (the API's PathTarget input). */
export interface Targets {
  /** These actors. */
  ids?: readonly string[] | null;
  /** Actors of these kinds (as stored, e.g. Buyer); default Buyer unless `ids` are given. */
  kinds?: readonly string[] | null;
  /** Only those of the kinds with one of these buyer types, institution types or roles. */
  types?: readonly string[] | null;
}

/** An entity's types in the sense of PathTarget.types: its buyer type, institution type and roles. */
function typesOf(e: EntityRow): string[] {
  const roles = Array.isArray(e.roles) ? e.roles : [];
  return [e.buyerType, e.institutionType, ...roles].filter((x) => x !== null && x !== undefined).map(String);
}

/**
 * Targets of dependency and what-if: the given ids, plus the actors of the scope of the given kinds
 * (default: buyers, or none when ids are given) that have one of the given types, if any.
 */
export function targetSet({ projection, entities, targets: t }: { projection: Pick<Projection, 'nodes' | 'kinds'>; entities: ReadonlyMap<string, EntityRow>; targets: Targets | null | undefined }): Set<string> {
  const kinds = t?.kinds?.length ? t.kinds : t?.ids?.length ? [] : ['Buyer'];
  const types = t?.types ?? [];
  const out = new Set<string>(t?.ids ?? []);
  for (const n of projection.nodes) {
    if (!kinds.includes(projection.kinds.get(n)!)) continue;
    const e = entities.get(n);
    if (types.length && !(e && typesOf(e).some((x) => types.includes(x)))) continue;
    out.add(n);
  }
  return out;
}

/** The targets among a loaded scope; entities are loaded (one batched round trip) only when types filter them. */
export async function resolveTargets({ loaders }: ServiceDeps, { projection, targets }: { projection: Pick<Projection, 'nodes' | 'kinds'>; targets: Targets | null | undefined }): Promise<Set<string>> {
  const entities = targets?.types?.length ? await existingEntities(loaders, projection.nodes) : [];
  return targetSet({ projection, entities: new Map(entities.map((e) => [e.id, e])), targets });
}
