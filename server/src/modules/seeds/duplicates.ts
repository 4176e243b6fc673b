import type { NodeRecord } from './format.js';
import { asAcronym, foldName, isAcronymOf, nameTokens, nameVariants, tokenOverlap } from './names.js';
import type { Located, SeedSet } from './read.js';

/** Kinds whose records name one real-world thing; chains, events and upgrading episodes have descriptive names. */
export const DUPLICATE_KINDS = ['Cluster', 'Firm', 'Buyer', 'Institution', 'Program', 'Person', 'Place'] as const;

/** One side of a likely duplicate: the id, its names and the files that declare it. */
export interface DuplicateSide {
  id: string;
  name: string;
  files: string[];
}

/** Two ids that may stand for one real-world thing, with the reason the check gives. */
export interface LikelyDuplicate {
  kind: string;
  a: DuplicateSide;
  b: DuplicateSide;
  /** Why the names match, then why the places are compatible. */
  why: string;
}

interface Entity extends DuplicateSide {
  kind: string;
  /** Every printed name: name, aliases and their variants (see nameVariants). */
  names: string[];
  /** Each name folded (see foldName), and its identifying words. */
  folded: string[];
  tokens: string[][];
  /** Countries it is placed in (empty when no record says). */
  countries: Set<string>;
  /** Folded sectors (clusters: one place may hold several clusters of different sectors). */
  sectors: string[];
  /** Value chains it LEADS. */
  leads: Set<string>;
}

export interface DuplicateOptions {
  /** Kinds compared (default DUPLICATE_KINDS); two ids are compared only within one kind. */
  kinds?: readonly string[];
  /** Share of words two names must have in common to be flagged (default 0.8). */
  minOverlap?: number;
}

/** The country a place belongs to: the first ancestor (itself included) whose placeType is country. */
function countryResolver(nodes: Located<NodeRecord>[]): (placeId: string) => string {
  const parent = new Map<string, string>();
  const isCountry = new Set<string>();
  for (const n of nodes) {
    if (n.value.kind !== 'Place') continue;
    const p = (n.value.props ?? {}) as { parent?: unknown; placeType?: unknown };
    if (typeof p.parent === 'string' && !parent.has(n.value.id)) parent.set(n.value.id, p.parent);
    if (p.placeType === 'country') isCountry.add(n.value.id);
  }
  return (placeId) => {
    let at = placeId;
    for (let i = 0; i < 10 && !isCountry.has(at) && parent.has(at); i += 1) at = parent.get(at)!;
    return at;
  };
}

/** The folded names of every declared place, and the words they are made of. */
function placeVocabulary(nodes: Located<NodeRecord>[]): { names: Set<string>; words: Set<string> } {
  const printed = nodes.filter((n) => n.value.kind === 'Place').flatMap((n) => [n.value.name, ...(n.value.aliases ?? [])]);
  return { names: new Set(printed.map(foldName)), words: new Set(printed.flatMap(nameTokens)) };
}

function entities(set: SeedSet, kinds: readonly string[], placeNames: Set<string>): Entity[] {
  const countryOf = countryResolver(set.nodes);
  const byId = new Map<string, Entity>();
  for (const n of set.nodes) {
    const v = n.value;
    if (!kinds.includes(v.kind)) continue;
    let e = byId.get(v.id);
    if (!e) {
      e = { id: v.id, kind: v.kind, name: v.name, names: [], folded: [], tokens: [], files: [], countries: new Set(), sectors: [], leads: new Set() };
      byId.set(v.id, e);
    }
    for (const variant of [v.name, ...(v.aliases ?? [])].flatMap(nameVariants)) {
      // A bare place name ("Mexico", "Guadalajara") identifies a place, not the firm or cluster carrying it as an alias.
      const folded = foldName(variant);
      const identifies = folded && (v.kind === 'Place' || !placeNames.has(folded));
      if (identifies && !e.names.includes(variant)) {
        e.names.push(variant);
        e.folded.push(folded);
        e.tokens.push(nameTokens(variant));
      }
    }
    const sector = (v.props as { sector?: unknown } | undefined)?.sector;
    if (typeof sector === 'string' && !e.sectors.includes(foldName(sector))) e.sectors.push(foldName(sector));
    if (!e.files.includes(n.file)) e.files.push(n.file);
    // A place's own country is what it is, not where it is: compare places by their parent's country.
    const parent = (v.props as { parent?: unknown } | undefined)?.parent;
    const places = v.kind === 'Place' ? [typeof parent === 'string' ? parent : undefined] : [v.country, v.locatedIn];
    for (const p of places) if (p) e.countries.add(countryOf(p));
  }
  for (const l of set.links) if (l.value.type === 'LEADS') byId.get(l.value.from)?.leads.add(l.value.to);
  return [...byId.values()];
}

/** Why two entities' names may be one name, or undefined. */
function nameMatch(a: Entity, b: Entity, minOverlap: number): string | undefined {
  for (const [i, x] of a.names.entries()) {
    const j = b.folded.indexOf(a.folded[i]!);
    if (j >= 0) return x === b.names[j] ? `same name "${x}"` : `same name once folded: "${x}" / "${b.names[j]}"`;
  }
  for (const [p, q] of [[a, b], [b, a]] as const) {
    for (const x of p.names) {
      const acronym = asAcronym(x);
      if (!acronym) continue;
      const long = q.names.find((y) => isAcronymOf(acronym, y));
      if (long) return `"${x}" is the acronym of "${long}"`;
    }
  }
  let best: { score: number; x: string; y: string } | undefined;
  a.tokens.forEach((tx, i) =>
    b.tokens.forEach((ty, j) => {
      if (tx.length < 2 && ty.length < 2) return;
      const score = tokenOverlap(tx, ty);
      if (score >= minOverlap && (!best || score > best.score)) best = { score, x: a.names[i]!, y: b.names[j]! };
    }),
  );
  return best ? `names share ${Math.round(best.score * 100)}% of their words: "${best.x}" / "${best.y}"` : undefined;
}

/**
 * Two records that lead the same value chain and share a word that is not a place name ("Semi-industrial
 * milk producers' cooperatives" / "Small local dairy cooperatives", both leading the cooperatives' chain)
 * are one actor described twice more often than two co-leaders: the chain stands for the shared place.
 */
function chainMatch(a: Entity, b: Entity, placeWords: Set<string>): string | undefined {
  const chain = [...a.leads].find((c) => b.leads.has(c));
  if (!chain) return undefined;
  const words = new Set(a.tokens.flat().filter((t) => !placeWords.has(t)));
  const shared = [...new Set(b.tokens.flat())].filter((t) => words.has(t));
  return shared.length ? `both lead ${chain} and their names share "${shared.join('", "')}"` : undefined;
}

/** Two clusters are one only if their sectors may be one ("footwear" / "footwear and leather"), or one is unknown. */
function sectorMatch(a: Entity, b: Entity): boolean {
  if (!a.sectors.length || !b.sectors.length) return true;
  return a.sectors.some((x) => b.sectors.some((y) => tokenOverlap(x.split(' '), y.split(' ')) > 0));
}

/** Why two entities may be in one place, or undefined when they are placed in different countries. */
function placeMatch(a: Entity, b: Entity): string | undefined {
  if (!a.countries.size || !b.countries.size) return `place of ${!a.countries.size ? a.id : b.id} unknown`;
  const shared = [...a.countries].filter((c) => b.countries.has(c));
  return shared.length ? `both in ${shared.join(', ')}` : undefined;
}

/**
 * Pairs of ids of one kind (and, for clusters, of compatible sectors) whose names match — equal once folded for
 * accents, case, punctuation, stop words and legal suffixes; one an acronym of the other; or most words shared —
 * and whose places are compatible (a shared country, or one not placed); or that lead the same value chain
 * and share a word that is not a place name. Pure: reads the seed set only.
 */
export function likelyDuplicates(set: SeedSet, opts: DuplicateOptions = {}): LikelyDuplicate[] {
  const minOverlap = opts.minOverlap ?? 0.8;
  const places = placeVocabulary(set.nodes);
  const byKind = new Map<string, Entity[]>();
  for (const e of entities(set, opts.kinds ?? DUPLICATE_KINDS, places.names)) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);
  const side = (e: Entity): DuplicateSide => ({ id: e.id, name: e.name, files: e.files });
  const out: LikelyDuplicate[] = [];
  for (const [kind, all] of byKind) {
    all.forEach((a, i) => {
      for (const b of all.slice(i + 1)) {
        if (!sectorMatch(a, b)) continue;
        const names = nameMatch(a, b, minOverlap);
        const place = names && placeMatch(a, b);
        const why = names && place ? `${names}; ${place}` : chainMatch(a, b, places.words);
        if (why) out.push({ kind, a: side(a), b: side(b), why });
      }
    });
  }
  return out;
}

/** The order-free key of a pair of ids. */
export const pairKey = (x: string, y: string): string => [x, y].sort().join(' ~ ');

/** Likely duplicates not yet reviewed as distinct in a `distinct:` list. */
export function unreviewedDuplicates(set: SeedSet, opts: DuplicateOptions = {}): LikelyDuplicate[] {
  const reviewed = new Set(set.distinct.map((d) => pairKey(d.value.ids[0], d.value.ids[1])));
  return likelyDuplicates(set, opts).filter((d) => !reviewed.has(pairKey(d.a.id, d.b.id)));
}

export function formatDuplicate(d: LikelyDuplicate): string {
  return `likely duplicate ${d.kind}: ${d.a.id} (${d.a.files.join(', ')}) ~ ${d.b.id} (${d.b.files.join(', ')}): ${d.why}`;
}
