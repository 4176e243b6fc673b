// Node sizes and broker rings from the analytics module (`centrality`, `brokerage`); these queries may not
// exist on an older server, so every failure comes back as a message, never as a crash.
import { errorMessage, gql } from './api/client.js';
import { inPages, newPageMemory } from './api/paging.js';
import { BROKERAGE, CENTRALITY } from './api/queries.js';
import { term } from './i18n/index.js';
import type { SizeMeasure } from './state.js';

type Roles = Record<'coordinator' | 'itinerant' | 'representative' | 'gatekeeper' | 'liaison' | 'total', number | null>;
interface CentralityRow {
  actor: { id: string };
  degree: number;
  betweenness: number;
}
interface BrokerageRow {
  actor: { id: string };
  raw: Roles;
}

export interface Measures {
  sizes: Map<string, number> | null;
  roles: Map<string, { role: string; name: string }> | null;
  error: string | null;
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

function centralityOf(ids: string[], year: number | null): Promise<CentralityRow[]> {
  return inPages({ ids, memory: centralityPages, ask: async (page) => (await gql<{ centrality: CentralityRow[] }>(CENTRALITY, pageVariables(ids, page, year))).centrality });
}

function brokerageOf(ids: string[], year: number | null): Promise<BrokerageRow[]> {
  return inPages({ ids, memory: brokeragePages, ask: async (page) => (await gql<{ brokerage: { scores: BrokerageRow[] } }>(BROKERAGE, pageVariables(ids, page, year))).brokerage.scores });
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
export async function loadMeasures({ ids, year, size, brokers }: { ids: string[]; year: number | null; size: SizeMeasure; brokers: boolean }): Promise<Measures> {
  const out: Measures = { sizes: null, roles: null, error: null };
  if (!ids.length || (size === 'none' && !brokers)) return out;
  try {
    if (size === 'degree' || size === 'betweenness') {
      const centrality = await centralityOf(ids, year);
      out.sizes = new Map(centrality.map((c) => [c.actor.id, size === 'degree' ? c.degree : c.betweenness]));
    }
    if (size === 'brokerage' || brokers) {
      const scores = await brokerageOf(ids, year);
      if (size === 'brokerage') out.sizes = new Map(scores.map((s) => [s.actor.id, s.raw.total ?? 0]));
      if (brokers) out.roles = brokerRoles(scores);
    }
  } catch (err) {
    out.error = errorMessage(err);
  }
  return out;
}
