import type { ServiceDeps } from '../context.js';
import { entitiesStatements } from '../entities/statements.js';
import { seedStatements } from '../seeds/statements.js';
import { exportStatements as S } from './statements.js';

/** What the whole graph holds: what an export of it would write, counted (`kg stats`). */
export interface GraphSummary {
  entities: { total: number; byKind: Record<string, number>; byOrigin: Record<string, number> };
  relationships: { total: number; byType: Record<string, number>; byOrigin: Record<string, number> };
  /** Imports recorded, by status (committed, running…). */
  imports: Record<string, number>;
  /** Every source document or import, with how many statements cite it. */
  sources: { key: string; title: string | null; year: number | null; statements: number }[];
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

/** Counts by kind, relationship type and origin, the imports and the sources: four round trips in one read transaction. */
export async function graphSummary({ executor }: Pick<ServiceDeps, 'executor'>): Promise<GraphSummary> {
  const [kinds, types, origins, sources] = await executor.readTx(async (tx) => [
    await tx.run(seedStatements.countLabels),
    await tx.run(seedStatements.countTypes),
    await tx.run(S.originCounts),
    await tx.run(entitiesStatements.listSources),
  ] as const, 'export.summary');
  const byKind = Object.fromEntries(kinds.map((r) => [r.label, r.count]));
  const byType = Object.fromEntries(types.map((r) => [r.type, r.count]));
  const of = (what: string) => Object.fromEntries(origins.filter((r) => r.what === what).map((r) => [r.origin, r.count]));
  return {
    entities: { total: sum(byKind), byKind, byOrigin: of('entities') },
    relationships: { total: sum(byType), byType, byOrigin: of('relationships') },
    imports: of('imports'),
    sources: sources.map((s) => ({ key: s.key, title: s.title, year: s.year, statements: s.statements })),
  };
}
