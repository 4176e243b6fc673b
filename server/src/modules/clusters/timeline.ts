import type { ServiceDeps } from '../context.js';
import { requireEntity } from '../entities/loaders.js';
import type { EntityRow } from '../entities/statements.js';
import { withMembers } from './members.js';
import { clustersStatements as S } from './statements.js';

/** A timeline entry (the parent of `TimelineItem`; its subject is loaded when asked for). */
export interface TimelineItemModel {
  item: EntityRow;
  subjectId: string;
  year: number | null;
}

/** An event's or upgrading episode's year: `year`, else `validFrom`, else the first year in its printed date or period. */
export function yearOf(item: EntityRow): number | null {
  if (typeof item.year === 'number') return item.year;
  if (typeof item.validFrom === 'number') return item.validFrom;
  const m = /(1[89]\d\d|20\d\d)/.exec(String(item.date ?? item.period ?? ''));
  return m ? Number(m[1]) : null;
}

/** Upgrading episodes and events of an entity (for a cluster, with its members'), in time order; undated last. */
export async function timeline({ executor, loaders }: ServiceDeps, a: { id: string; includeMembers: boolean }): Promise<TimelineItemModel[]> {
  const entity = await requireEntity(loaders, a.id, 'id');
  const rows = await executor.read(S.timeline, { ids: await withMembers({ executor }, { entity, includeMembers: a.includeMembers }) });
  const items = await loaders.entity.loadMany(rows.map((r) => r.id));
  return rows
    .flatMap((r, i) => {
      const item = items[i];
      return item && !(item instanceof Error) ? [{ item, subjectId: r.subject, year: yearOf(item) }] : [];
    })
    .sort((x, y) => (x.year ?? 9999) - (y.year ?? 9999) || x.item.name.localeCompare(y.item.name));
}
