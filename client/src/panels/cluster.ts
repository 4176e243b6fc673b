// The cluster block of the side panel: collective-efficiency scores drawn as a bar chart against the sector
// group's averages (`collectiveEfficiencyAverages`), the cluster's chains with their governance, and its
// upgrading episodes and events in time order (`timeline`).
import { errorMessage, gql } from '../api/client.js';
import { CE_AVERAGES, CLUSTER_DETAILS } from '../api/queries.js';
import { h, svgEl } from '../dom.js';
import { KIND_STYLE } from '../graph/style.js';
import { t, term } from '../i18n/index.js';

type Scores = Record<string, number | null | undefined>;
interface ClusterDetail {
  entity: {
    cluster: {
      sector: string | null; sectorGroup: string | null; founded: string | null; firms: string | null; flags: string[];
      externalEconomies: Scores | null; jointAction: Scores | null; printed: Scores & { degree?: string | null } | null; recomputed: Scores | null;
    } | null;
    chains: { role: string; chain: { id: string; name: string; chain: { governanceHS: string | null; governanceGHS: string | null } | null } }[];
  } | null;
  timeline: { year: number | null; item: { id: string; kind: string; name: string; date: string | null }; subject: { id: string; name: string } }[];
}
interface Averages {
  collectiveEfficiencyAverages: { key: string; clusters: number; measures: { measure: string; mean: number | null }[] }[];
}

let averagesCache: Promise<Averages> | null = null;

const ITEMS = ['labourMarket', 'inputs', 'information', 'marketAccess', 'backward', 'forward', 'horizontalBilateral', 'horizontalMultilateral'];
const INDICES = ['eei', 'jai', 'ce'];

/** A grouped horizontal bar chart: this cluster (dark) against its group's average (light), items on 0–3 and indices on 0–12. */
export function ceChart(values: Record<string, number | null>, averages: Record<string, number | null>): SVGElement {
  const rowH = 20;
  const labelW = 128;
  const barW = 150;
  const rows = [...ITEMS, ...INDICES];
  const height = rows.length * rowH + 40;
  const svg = svgEl('svg', { class: 'chart', viewBox: `0 0 ${labelW + barW + 34} ${height}`, role: 'img', 'data-testid': 'ce-chart' });
  rows.forEach((m, i) => {
    const max = INDICES.includes(m) ? 12 : 3;
    const y = 6 + i * rowH + (INDICES.includes(m) ? 12 : 0);
    const v = values[m] ?? null;
    const avg = averages[m] ?? null;
    svg.append(svgEl('text', { x: labelW - 6, y: y + 12, 'text-anchor': 'end', 'font-size': 10.5, fill: '#334155' }, term(m).replace(/ \(.*\)/, INDICES.includes(m) ? ` (${m.toUpperCase()})` : '')));
    svg.append(svgEl('rect', { x: labelW, y: y + 2, width: barW, height: 14, fill: '#f1f5f9', rx: 2 }));
    if (avg !== null) svg.append(svgEl('rect', { x: labelW, y: y + 2, width: (barW * avg) / max, height: 14, fill: '#93c5fd', rx: 2 }));
    if (v !== null) svg.append(svgEl('rect', { x: labelW, y: y + 6, width: (barW * v) / max, height: 6, fill: '#1e3a8a', rx: 1 }));
    svg.append(svgEl('text', { x: labelW + barW + 4, y: y + 13, 'font-size': 10, fill: '#0f172a' }, v === null ? 'n.a.' : String(Math.round(v * 10) / 10)));
  });
  const ly = height - 12;
  svg.append(svgEl('rect', { x: labelW, y: ly - 8, width: 12, height: 6, fill: '#1e3a8a' }), svgEl('text', { x: labelW + 16, y: ly - 2, 'font-size': 10 }, t('ceThis')));
  svg.append(svgEl('rect', { x: labelW, y: ly + 2, width: 12, height: 8, fill: '#93c5fd' }), svgEl('text', { x: labelW + 16, y: ly + 9, 'font-size': 10 }, t('ceAverage')));
  return svg;
}

export async function renderCluster(root: HTMLElement, id: string): Promise<void> {
  root.replaceChildren(h('p', { class: 'muted' }, t('loading')));
  averagesCache ??= gql<Averages>(CE_AVERAGES).catch((err: unknown) => {
    averagesCache = null;
    throw err;
  });
  let d: ClusterDetail;
  let avg: Averages | null = null;
  try {
    [d, avg] = await Promise.all([gql<ClusterDetail>(CLUSTER_DETAILS, { id }), averagesCache.catch(() => null)]);
  } catch (err) {
    root.replaceChildren(h('p', { class: 'msg bad' }, errorMessage(err)));
    return;
  }
  const c = d.entity?.cluster;
  const blocks: (Node | null)[] = [h('h2', { class: 'block' }, t('clusterPanel'))];
  if (c) {
    blocks.push(h('dl', { class: 'props' },
      ...([[t('sector'), c.sector], [t('sectorGroup'), c.sectorGroup ? term(c.sectorGroup) : null], [t('founded'), c.founded], [t('firms'), c.firms], [t('ceDegree'), c.printed?.degree ?? null]] as [string, string | null][])
        .filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '')])));
    const values: Record<string, number | null> = {};
    for (const m of ITEMS) values[m] = c.externalEconomies?.[m] ?? c.jointAction?.[m] ?? null;
    for (const m of INDICES) values[m] = c.printed?.[m] ?? c.recomputed?.[m] ?? null;
    const group = avg?.collectiveEfficiencyAverages.find((g) => g.key.toUpperCase() === (c.sectorGroup ?? '').toUpperCase());
    const averages = Object.fromEntries((group?.measures ?? []).map((m) => [m.measure, m.mean]));
    if (Object.values(values).some((v) => v !== null)) {
      blocks.push(h('p', { class: 'legend-note' }, t('ceChart', { group: c.sectorGroup ? term(c.sectorGroup).toLowerCase() : '' }) + (group ? ` (n = ${group.clusters})` : '')), ceChart(values, averages));
    }
    if (c.flags.length) blocks.push(h('p', { class: 'muted' }, c.flags.join(' · ')));
  }
  if (d.timeline.length) {
    blocks.push(h('h2', { class: 'block' }, t('timeline')), h('ul', { class: 'timeline', 'data-testid': 'timeline' }, ...d.timeline.map((it) =>
      h('li', { style: `--c:${KIND_STYLE[it.item.kind]?.border ?? '#94a3b8'}` }, h('span', { class: 'yr' }, String(it.year ?? it.item.date ?? '—')), it.item.name,
        it.subject.id !== id ? h('span', { class: 'muted' }, ` — ${it.subject.name}`) : null))));
  }
  root.replaceChildren(...blocks.filter((b): b is Node => b !== null));
}
