// Node sizes and broker rings from the analytics module (`centrality`, `brokerage`); these queries may not
// exist on an older server, so every failure comes back as a message, never as a crash.
import { errorMessage, gql } from './api/client.js';
import { BROKERAGE, CENTRALITY } from './api/queries.js';
import { term } from './i18n/index.js';
import type { SizeMeasure } from './state.js';

type Roles = Record<'coordinator' | 'itinerant' | 'representative' | 'gatekeeper' | 'liaison' | 'total', number | null>;
interface BrokerageAnswer {
  brokerage: { scores: { actor: { id: string }; raw: Roles }[] };
}

export interface Measures {
  sizes: Map<string, number> | null;
  roles: Map<string, { role: string; name: string }> | null;
  error: string | null;
}

const ROLE_KEYS = ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison'] as const;

export async function loadMeasures(ids: string[], year: number | null, size: SizeMeasure, brokers: boolean): Promise<Measures> {
  const out: Measures = { sizes: null, roles: null, error: null };
  if (!ids.length || (size === 'none' && !brokers)) return out;
  try {
    if (size === 'degree' || size === 'betweenness') {
      const { centrality } = await gql<{ centrality: { actor: { id: string }; degree: number; betweenness: number }[] }>(CENTRALITY, { ids, year, first: ids.length });
      out.sizes = new Map(centrality.map((c) => [c.actor.id, size === 'degree' ? c.degree : c.betweenness]));
    }
    if (size === 'brokerage' || brokers) {
      const { brokerage } = await gql<BrokerageAnswer>(BROKERAGE, { ids, year, first: ids.length });
      if (size === 'brokerage') out.sizes = new Map(brokerage.scores.map((s) => [s.actor.id, s.raw.total ?? 0]));
      if (brokers) {
        out.roles = new Map();
        for (const s of brokerage.scores) {
          const best = ROLE_KEYS.map((r) => [r, s.raw[r] ?? 0] as const).sort((a, b) => b[1] - a[1])[0];
          if (best && best[1] > 0) {
            const all = ROLE_KEYS.filter((r) => (s.raw[r] ?? 0) > 0).map((r) => `${term(r)} ${s.raw[r]}`).join(', ');
            out.roles.set(s.actor.id, { role: best[0], name: all });
          }
        }
      }
    }
  } catch (err) {
    out.error = errorMessage(err);
  }
  return out;
}
