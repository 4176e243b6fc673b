/**
 * A synthetic industrial-cluster network for the query and scale-out benchmarks (bench/queries.ts,
 * bench/scaleout.ts), seeded so that every run writes the same graph. Hand-written because no npm generator
 * produces the shapes this domain needs (clusters of firms, global buyers, support institutions, value chains).
 *
 * Shape, for A actors (85 % firms, 10 % buyers, 5 % institutions):
 * - A / 500 clusters, each with a municipality (LOCATED_IN one of 20 countries) and a value chain (HAS_CHAIN);
 *   firms sit in contiguous blocks, one block per cluster; 30 % of them are MEMBER_OF their cluster and 20 %
 *   PARTICIPATES_IN its chain; every actor is LOCATED_IN its cluster's municipality.
 * - Firms tie 1 + Geometric(½) times (mean 2, at most 8): SUPPLIES (55 %) and SUBCONTRACTOR_OF (15 %) to a
 *   firm of the same cluster drawn as start + ⌊size·u^2.5⌋, so each cluster has lead firms with many
 *   suppliers; SELLS_TO (15 %) a buyer drawn as ⌊B·u^3⌋ (a heavy tail: the largest global buyers have
 *   thousands of sellers, as lead buyers of garment and footwear chains do); COOPERATES_WITH (15 %) a
 *   firm of the same cluster, uniformly.
 * - Buyers SELL_TO another buyer (importer → retailer) with probability 0.3; institutions SUPPORT
 *   1 + Geometric(½) firms of their cluster.
 */
import { GOVERNANCE_GHS, GOVERNANCE_HS } from '../server/src/domain/enums.js';
import { mulberry32 as rng } from '../server/src/domain/betweennessSample.js';
import type { Executor } from '../server/src/neo4j/executor.js';

/** A seeded generator (mulberry32): the same seed gives the same network and the same drawn arguments. */
export { rng };

const SECTORS = ['Calzados', 'Metalúrgica', 'Textil', 'Muebles', 'Vinos', 'Salmones', 'Lácteos', 'Autopartes', 'Software', 'Cerámica', 'Confecciones', 'Frutas'];
const SURNAMES = ['Ferreira', 'Silva', 'Gómez', 'Rossi', 'Martínez', 'Oliveira', 'Hernández', 'Souza', 'López', 'Pereira', 'Díaz', 'Costa', 'Ramírez', 'Santos', 'Torres', 'Almeida', 'Vargas', 'Ribeiro', 'Castro', 'Moreno', 'Rocha', 'Ortiz', 'Mendes', 'Rojas', 'Barbosa', 'Núñez', 'Cardoso', 'Medina', 'Teixeira', 'Herrera'];
const SUFFIXES = ['S.A.', 'Ltda.', 'SpA', 'S.R.L.', 'e Hijos', 'Hermanos'];
const BUYER_TYPES = ['global_buyer', 'importer', 'retailer', 'export_agent', 'supermarket'];
const INSTITUTION_TYPES = ['association', 'technology_centre', 'university', 'development_bank', 'agency'];
const FORMS = ['joint_marketing', 'joint_purchasing', 'training', 'technology_sharing'];
const SUPPORT = ['technical', 'financial', 'training', 'market_access'];

export interface NetworkSize {
  actors: number;
  firms: number;
  buyers: number;
  institutions: number;
  clusters: number;
}

export function networkSize(actors: number): NetworkSize {
  const firms = Math.floor(actors * 0.85);
  const buyers = Math.floor(actors * 0.1);
  return { actors, firms, buyers, institutions: actors - firms - buyers, clusters: Math.max(1, Math.floor(actors / 500)) };
}

export const firmId = (i: number) => `firm:bench-${i}`;
export const buyerId = (i: number) => `buyer:bench-${i}`;
export const institutionId = (i: number) => `institution:bench-${i}`;
export const clusterId = (c: number) => `cluster:bench-${c}`;

/** The cluster of firm i, and its block of firms [start, start + size). */
export function clusterOfFirm(n: NetworkSize, i: number): { c: number; start: number; size: number } {
  const per = Math.ceil(n.firms / n.clusters);
  const c = Math.floor(i / per);
  const start = c * per;
  return { c, start, size: Math.min(per, n.firms - start) };
}

interface Node { id: string; p: Record<string, unknown> }
interface Rel { f: string; t: string; p: Record<string, unknown> }

const geometric = (r: () => number, max: number) => {
  let k = 1;
  while (k < max && r() < 0.5) k += 1;
  return k;
};

/** The number of actors of the complete benchmark network in the store, or null when there is none (or only part of one). */
export async function storedNetwork(executor: Executor): Promise<number | null> {
  const [row] = await executor.runText('MATCH (b:BenchNetwork) RETURN b.actors AS actors LIMIT 1', {}, 'READ');
  return typeof row?.actors === 'number' ? row.actors : null;
}

/** Removes the benchmark network (its entities carry origin 'bench') and its mark, in batches. */
export async function deleteNetwork(executor: Executor): Promise<void> {
  await executor.runText('MATCH (b:BenchNetwork) DELETE b');
  await executor.runText("MATCH (n:Entity) WHERE n.origin = 'bench' CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
}

/** Writes the network with batched UNWIND … CREATE (the store must hold no bench entities yet). */
export async function writeNetwork(executor: Executor, actors: number, progress: (s: string) => void, seed = 20260601): Promise<void> {
  const n = networkSize(actors);
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const BATCH = 20_000;
  const source = { origin: 'bench', sources: ['bench'] };
  const nodes = async (label: string, count: number, make: (i: number) => Node) => {
    for (let i = 0; i < count; i += BATCH) {
      const rows: Node[] = [];
      for (let j = i; j < Math.min(count, i + BATCH); j += 1) rows.push(make(j));
      await executor.runText(`UNWIND $rows AS r CREATE (n:Entity:${label}) SET n = r.p`, { rows });
    }
    progress(`${count} ${label} written`);
  };
  let relSeq = 0;
  const pending = new Map<string, Rel[]>();
  const flush = async (type: string) => {
    const rows = pending.get(type) ?? [];
    if (rows.length) await executor.runText(`UNWIND $rows AS r MATCH (a:Entity {id: r.f}) MATCH (b:Entity {id: r.t}) CREATE (a)-[l:${type}]->(b) SET l = r.p`, { rows });
    pending.set(type, []);
  };
  const rel = async (type: string, f: string, t: string, extra: Record<string, unknown> = {}) => {
    relSeq += 1;
    const p = { id: `link:bench-${relSeq}`, source_doc: 'bench', source_quote: 'Synthetic benchmark network.', validFrom: 1980 + Math.floor(r() * 40), ...extra };
    const list = pending.get(type) ?? [];
    list.push({ f, t, p });
    pending.set(type, list);
    if (list.length >= BATCH) await flush(type);
  };
  const name = () => `${pick(SECTORS)} ${pick(SURNAMES)} ${pick(SURNAMES)} ${pick(SUFFIXES)}`;
  const entity = (id: string, kind: string, extra: Record<string, unknown>): Node => ({ id, p: { id, kind, name: name(), aliases: [], aliasText: '', validFrom: 1950 + Math.floor(r() * 60), ...source, ...extra } });

  await nodes('Place', 20, (i) => ({ id: `place:bench-country-${i}`, p: { id: `place:bench-country-${i}`, kind: 'Place', name: `Country ${i}`, placeType: 'country', aliases: [], aliasText: '', ...source } }));
  await nodes('Place', n.clusters, (c) => ({ id: `place:bench-${c}`, p: { id: `place:bench-${c}`, kind: 'Place', name: `Municipality ${c}`, placeType: 'municipality', aliases: [], aliasText: '', ...source } }));
  await nodes('Cluster', n.clusters, (c) => ({ id: clusterId(c), p: { id: clusterId(c), kind: 'Cluster', name: `${SECTORS[c % SECTORS.length]} cluster ${c}`, sector: SECTORS[c % SECTORS.length], aliases: [], aliasText: '', ...source } }));
  await nodes('ValueChain', n.clusters, (c) => ({ id: `chain:bench-${c}`, p: { id: `chain:bench-${c}`, kind: 'ValueChain', name: `Chain ${c}`, governanceHS: pick(GOVERNANCE_HS), governanceGHS: pick(GOVERNANCE_GHS), aliases: [], aliasText: '', ...source } }));
  await nodes('Firm', n.firms, (i) => entity(firmId(i), 'Firm', { roles: [pick(['sme', 'supplier', 'lead_firm', 'subcontractor'])] }));
  await nodes('Buyer', n.buyers, (i) => entity(buyerId(i), 'Buyer', { buyerType: pick(BUYER_TYPES) }));
  await nodes('Institution', n.institutions, (i) => entity(institutionId(i), 'Institution', { institutionType: pick(INSTITUTION_TYPES) }));

  for (let c = 0; c < n.clusters; c += 1) {
    await rel('LOCATED_IN', `place:bench-${c}`, `place:bench-country-${c % 20}`);
    await rel('LOCATED_IN', clusterId(c), `place:bench-${c}`);
    await rel('HAS_CHAIN', clusterId(c), `chain:bench-${c}`);
  }
  for (let i = 0; i < n.firms; i += 1) {
    const { c, start, size } = clusterOfFirm(n, i);
    const me = firmId(i);
    await rel('LOCATED_IN', me, `place:bench-${c}`);
    if (r() < 0.3) await rel('MEMBER_OF', me, clusterId(c));
    if (r() < 0.2) await rel('PARTICIPATES_IN', me, `chain:bench-${c}`, { position: pick(['supplier', 'producer', 'lead']) });
    const ties = geometric(r, 8);
    for (let k = 0; k < ties; k += 1) {
      const x = r();
      const local = () => {
        let j = start + Math.floor(size * r() ** 2.5);
        if (j === i) j = start + ((j - start + 1) % size);
        return firmId(j);
      };
      if (x < 0.55) await rel('SUPPLIES', me, local(), { what: 'goods' });
      else if (x < 0.7) await rel('SUBCONTRACTOR_OF', me, local(), { what: 'services' });
      else if (x < 0.85) await rel('SELLS_TO', me, buyerId(Math.floor(n.buyers * r() ** 3)), { market: pick(['domestic', 'export']) });
      else {
        let j = start + Math.floor(size * r());
        if (j === i) j = start + ((j - start + 1) % size);
        await rel('COOPERATES_WITH', me, firmId(j), { form: pick(FORMS) });
      }
    }
    if (i % 100_000 === 99_999) progress(`ties of ${i + 1} firms drawn`);
  }
  for (let b = 0; b < n.buyers; b += 1) {
    await rel('LOCATED_IN', buyerId(b), `place:bench-country-${b % 20}`);
    if (r() < 0.3) await rel('SELLS_TO', buyerId(b), buyerId(Math.floor(n.buyers * r() ** 2)), { market: 'export' });
  }
  for (let s = 0; s < n.institutions; s += 1) {
    const c = s % n.clusters;
    const per = Math.ceil(n.firms / n.clusters);
    const start = c * per;
    const size = Math.min(per, n.firms - start);
    await rel('LOCATED_IN', institutionId(s), `place:bench-${c}`);
    const ties = geometric(r, 8);
    for (let k = 0; k < ties; k += 1) await rel('SUPPORTS', institutionId(s), firmId(start + Math.floor(size * r())), { supportType: pick(SUPPORT) });
  }
  for (const type of [...pending.keys()]) await flush(type);
  // The mark of a complete network: an interrupted load leaves none, and the next run starts over.
  await executor.runText('CREATE (:BenchNetwork {actors: $actors, seed: $seed, relationships: $rels})', { actors, seed, rels: relSeq });
  progress(`${relSeq} relationships written`);
}
