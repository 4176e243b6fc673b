// Node sizes and broker rings from the analytics module (`centrality`, `brokerage`), run as analysis jobs
// (jobs.ts) so that long ones show their progress and can be cancelled; these may not exist on an older
// server, so every failure comes back as a message, never as a crash.
import { errorMessage } from './api/client.js';
import { inPages, newPageMemory } from './api/paging.js';
import { term } from './i18n/index.js';
import { JobCancelled, runJob, type JobWatch } from './jobs.js';
import type { SizeMeasure } from './state.js';

type Roles = Record<'coordinator' | 'itinerant' | 'representative' | 'gatekeeper' | 'liaison' | 'total', number | null>;
interface CentralityRow {
  actor: { id: string };
  degree: number;
  betweenness?: number;
}
interface BrokerageRow {
  actor: { id: string };
  raw: Roles;
}

export interface Measures {
  sizes: Map<string, number> | null;
  roles: Map<string, { role: string; name: string }> | null;
  error: string | null;
  /** True when the user cancelled (or a newer question replaced) the analysis. */
  cancelled: boolean;
}

const ROLE_KEYS = ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison'] as const;

// The server caps `first` (MAX_PAGE_SIZE) and the cost of a request; each question learns its own page size.
const centralityPages = newPageMemory();
const brokeragePages = newPageMemory();

/**
 * Variables for one page: the measure is always computed on the whole network on screen (`ids`), and asked for
 * the actors of the page (`only`; null when the page is everyone, which spares the server the filter).
 */
const pageVariables = (ids: string[], page: string[], year: number | null) => ({ ids, year, only: page.length < ids.length ? page : null, first: page.length });

/**
 * Progress over all pages of one question: a page's job moves the bar through that page's share of the ids,
 * `share` placing the whole question within the bar (sizes, then broker roles).
 */
function pagedWatch(watch: JobWatch, ids: string[], share: [number, number]) {
  let done = 0;
  return {
    page: (page: string[]): JobWatch => ({
      signal: watch.signal,
      progress: (f, stage, id) => watch.progress(share[0] + ((share[1] - share[0]) * (done + f * page.length)) / ids.length, stage, id),
    }),
    finished: (page: string[]) => (done += page.length),
  };
}

/** Centrality of the actors on screen; only betweenness, the dear one, when it is what sizes them. */
function centralityOf(ids: string[], year: number | null, betweenness: boolean, watch: JobWatch, share: [number, number]): Promise<CentralityRow[]> {
  const pages = pagedWatch(watch, ids, share);
  const measure = betweenness ? 'BETWEENNESS' : 'DEGREE';
  return inPages({
    ids,
    memory: centralityPages,
    ask: async (page) => {
      const v = pageVariables(ids, page, year);
      const input = { centrality: { scope: { ids: v.ids, year: v.year }, ids: v.only, first: v.first, sortBy: measure, measures: [measure] } };
      const rows = await runJob<CentralityRow[]>(input, 'centrality', `{ actor { id } degree${betweenness ? ' betweenness' : ''} }`, pages.page(page));
      pages.finished(page);
      return rows;
    },
  });
}

function brokerageOf(ids: string[], year: number | null, watch: JobWatch, share: [number, number]): Promise<BrokerageRow[]> {
  const pages = pagedWatch(watch, ids, share);
  return inPages({
    ids,
    memory: brokeragePages,
    ask: async (page) => {
      const v = pageVariables(ids, page, year);
      const input = { brokerage: { scope: { ids: v.ids, year: v.year }, partition: { by: 'KIND' }, ids: v.only, first: v.first } };
      const r = await runJob<{ scores: BrokerageRow[] }>(input, 'brokerage', '{ scores { actor { id } group raw { coordinator itinerant representative gatekeeper liaison total } } }', pages.page(page));
      pages.finished(page);
      return r.scores;
    },
  });
}

/** Each broker's strongest role, and all its roles with their counts for the hover text. */
function brokerRoles(scores: BrokerageRow[]): Map<string, { role: string; name: string }> {
  const roles = new Map<string, { role: string; name: string }>();
  for (const s of scores) {
    const best = ROLE_KEYS.map((r) => [r, s.raw[r] ?? 0] as const).sort((a, b) => b[1] - a[1])[0];
    if (best && best[1] > 0) {
      const all = ROLE_KEYS.filter((r) => (s.raw[r] ?? 0) > 0).map((r) => `${term(r)} ${s.raw[r]}`).join(', ');
      roles.set(s.actor.id, { role: best[0], name: all });
    }
  }
  return roles;
}

/**
 * The chosen size measure and the broker roles of the actors `ids` (those on screen), measured on the network
 * they form in `year`. Any number of actors: the questions go in pages the server accepts.
 */
export async function loadMeasures({ ids, year, size, brokers, watch }: { ids: string[]; year: number | null; size: SizeMeasure; brokers: boolean; watch: JobWatch }): Promise<Measures> {
  const out: Measures = { sizes: null, roles: null, error: null, cancelled: false };
  if (!ids.length || (size === 'none' && !brokers)) return out;
  const central = size === 'degree' || size === 'betweenness';
  const brokerage = size === 'brokerage' || brokers;
  // Each question takes its part of the bar: half each when both are asked.
  const split = central && brokerage ? 0.5 : 1;
  try {
    if (central) {
      const centrality = await centralityOf(ids, year, size === 'betweenness', watch, [0, split]);
      out.sizes = new Map(centrality.map((c) => [c.actor.id, size === 'degree' ? c.degree : (c.betweenness ?? 0)]));
    }
    if (brokerage) {
      const scores = await brokerageOf(ids, year, watch, [central ? split : 0, 1]);
      if (size === 'brokerage') out.sizes = new Map(scores.map((s) => [s.actor.id, s.raw.total ?? 0]));
      if (brokers) out.roles = brokerRoles(scores);
    }
  } catch (err) {
    if (err instanceof JobCancelled) out.cancelled = true;
    else out.error = errorMessage(err);
  }
  return out;
}
