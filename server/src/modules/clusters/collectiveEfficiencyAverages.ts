import { z } from 'zod';
import { groupAverages, type ClusterFigures, type MeasureAverage, type PrintedRow } from '../../domain/aggregates.js';
import type { ServiceDeps } from '../context.js';
import { listEntities, type EntityFilter } from '../entities/service.js';
import { clustersStatements as S, type ClusterFiguresRow } from './statements.js';

export type AggregateBy = 'SECTOR_GROUP' | 'COUNTRY' | 'ALL';

/**
 * Pietrobelli & Rabellotti's Tables 17–19, the only tables that print the averages of all four sector
 * groups (the per-group tables repeat them).
 */
const SUMMARY_TABLES = ['table:pietrobelli2004-17', 'table:pietrobelli2004-18', 'table:pietrobelli2004-19'];

/** A printed table's rows as stored (`rowsJson`): the rows of a sector group carry its key. */
const printedRows = z.array(z.object({ group: z.string().nullish(), values: z.record(z.string(), z.number().nullable()) }));

async function printedAverages({ executor }: Pick<ServiceDeps, 'executor'>): Promise<PrintedRow[]> {
  const tables = await executor.read(S.printedTables, { ids: SUMMARY_TABLES });
  return tables.flatMap((t) => printedRows.parse(JSON.parse(t.rowsJson)).flatMap((r) => (r.group ? [{ table: t.title, group: r.group, values: r.values }] : [])));
}

const groupKey = (r: ClusterFiguresRow, by: AggregateBy) => (by === 'SECTOR_GROUP' ? (r.sectorGroup ?? 'unknown') : by === 'COUNTRY' ? (r.country ?? 'unknown') : 'all');

export interface AggregateGroupModel {
  key: string;
  clusters: number;
  clusterIds: string[];
  measures: MeasureAverage[];
}

/**
 * Collective-efficiency and upgrading averages of the clusters that carry scores, grouped, each next to
 * the printed sector-group average where Tables 17–19 print one.
 */
export async function collectiveEfficiencyAverages({ executor }: ServiceDeps, a: { groupBy: AggregateBy; filter?: EntityFilter | null }): Promise<AggregateGroupModel[]> {
  const ids = a.filter ? (await listEntities(executor, { ...a.filter, kinds: ['Cluster'], sort: 'NAME', descending: false, skip: 0, limit: 100_000 })).ids : null;
  const [rows, printed] = await Promise.all([executor.read(S.clusterFigures, { ids }), a.groupBy === 'SECTOR_GROUP' ? printedAverages({ executor }) : []]);
  const figures: ClusterFigures[] = rows.map((r) => ({ ...r, group: groupKey(r, a.groupBy) }));
  const groups = [...new Set(figures.map((f) => f.group))].sort();
  return groups.map((g) => {
    const members = figures.filter((f) => f.group === g);
    return { key: g, clusters: members.length, clusterIds: members.map((f) => f.id), measures: groupAverages(figures, printed, g) };
  });
}
