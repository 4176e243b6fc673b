import { ACTOR_KINDS } from '../../domain/enums.js';
import { foldName, nameVariants } from './names.js';
import type { SeedSet } from './read.js';

/**
 * Words that mark a passage as being about a linkage between actors, in the documents' English and the
 * Spanish and Portuguese terms they quote. Matched on accent-folded, lower-case text, from a word start.
 */
const LINKAGE_WORDS = [
  'supplier', 'supplie', 'supply', 'subcontract', 'contractor', 'buyer', 'lead firm', 'leading firm', 'anchor', 'export agent',
  'buying agent', 'trading compan', 'cooperat', 'co-operat', 'joint', 'network', 'follow', 'retain', 'keep', 'kept', 'outsourc',
  'broker', 'assembl', 'partner', 'allian', 'franchis', 'linkage', 'intermediar', 'middlem', 'maquila', 'keiretsu', 'integradora',
  'proveedor', 'fornecedor', 'subcontrat', 'comprador', 'cooperativ', 'alianza', 'alianca', 'consorci', 'ensambl', 'montadora',
  'encadenamiento', 'eslabonamiento',
];
/** Uses of "follow" that only point at the next sentence. */
const NOT_LINKAGE = /\b(?:the following|as follows|followed by|in the following)\b/g;
const LINKAGE = new RegExp(`(?<![a-z])(?:${LINKAGE_WORDS.map((w) => w.replace(/[-]/g, '\\-')).join('|')})`, 'g');

/** A document line about linkages that names a declared actor and that no record cites. */
export interface UncitedPassage {
  doc: string;
  line: number;
  /** Ids of the declared actors the line names. */
  ids: string[];
  /** The linkage words found. */
  words: string[];
  /** A short stretch of the line around the first linkage word. */
  excerpt: string;
}

export interface CoverageReport {
  /** Lines about linkages that name a declared actor. */
  linkagePassages: number;
  cited: number;
  acknowledged: number;
  uncited: UncitedPassage[];
}

const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every line some record cites, by document: node, link, statement and table sources, score sources, table rows. */
export function citedLines(set: SeedSet): Map<string, Set<number>> {
  const cited = new Map<string, Set<number>>();
  const add = (doc: string, lines: number[] = []) => {
    const s = cited.get(doc) ?? new Set<number>();
    for (const n of lines) s.add(n);
    cited.set(doc, s);
  };
  for (const n of set.nodes) {
    add(n.value.source.doc, n.value.source.lines);
    for (const s of n.value.scoreSources ?? []) add(s.doc, s.lines);
  }
  for (const l of set.links) add(l.value.source.doc, l.value.source.lines);
  for (const s of set.statements) add(s.value.source.doc, s.value.source.lines);
  for (const t of set.tables) {
    add(t.value.source.doc, t.value.source.lines);
    for (const r of t.value.rows) add(t.value.source.doc, r.lines);
  }
  return cited;
}

/** Lines a reviewer acknowledged as needing no record (`passages:` lists), by document. */
function acknowledgedLines(set: SeedSet): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const { value: p } of set.passages) {
    const s = out.get(p.doc) ?? new Set<number>();
    for (const n of p.lines ?? []) s.add(n);
    if (p.range) for (let n = p.range[0]; n <= p.range[1]; n += 1) s.add(n);
    out.set(p.doc, s);
  }
  return out;
}

/**
 * One pattern for every printed name of a declared actor (names, aliases, parenthesised acronyms), matched
 * case-sensitively on accent-folded text at word boundaries. Short names (under four letters, unless an
 * acronym in capitals such as IBM) and names that are only a place name are left out: they would match everywhere.
 */
function actorNames(set: SeedSet): { pattern: RegExp; idsByName: Map<string, Set<string>> } {
  const placeNames = new Set(set.nodes.filter((n) => n.value.kind === 'Place').flatMap((n) => [n.value.name, ...(n.value.aliases ?? [])].map(foldName)));
  const idsByName = new Map<string, Set<string>>();
  for (const n of set.nodes) {
    if (!(ACTOR_KINDS as readonly string[]).includes(n.value.kind)) continue;
    for (const name of [n.value.name, ...(n.value.aliases ?? [])].flatMap(nameVariants)) {
      const printed = plain(name).trim();
      if (printed.length < (/^[A-Z0-9]+$/.test(printed) ? 2 : 4) || placeNames.has(foldName(name))) continue;
      idsByName.set(printed, (idsByName.get(printed) ?? new Set()).add(n.value.id));
    }
  }
  const names = [...idsByName.keys()].sort((a, b) => b.length - a.length).map(escape);
  return { pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'gu'), idsByName };
}

function excerptAround(text: string, at: number, width = 140): string {
  const start = Math.max(0, at - width / 2);
  const cut = text.slice(start, start + width).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${cut}${start + width < text.length ? '…' : ''}`;
}

/**
 * The coverage report of `seed check`: lines (paragraphs) that talk about linkages and name a declared
 * actor, yet are cited by no record and acknowledged by no reviewer. A report, not a failure.
 */
export function linkageCoverage(set: SeedSet): CoverageReport {
  const cited = citedLines(set);
  const acknowledged = acknowledgedLines(set);
  const { pattern, idsByName } = actorNames(set);
  const report: CoverageReport = { linkagePassages: 0, cited: 0, acknowledged: 0, uncited: [] };
  for (const [doc, lines] of set.documents) {
    lines.forEach((raw, i) => {
      const line = i + 1;
      const text = plain(raw);
      const lower = text.toLowerCase().replace(NOT_LINKAGE, ' ');
      const words = [...new Set([...lower.matchAll(LINKAGE)].map((m) => m[0]))];
      if (!words.length) return;
      const ids = [...new Set([...text.matchAll(pattern)].flatMap((m) => [...(idsByName.get(m[0]) ?? [])]))];
      if (!ids.length) return;
      report.linkagePassages += 1;
      if (cited.get(doc)?.has(line)) report.cited += 1;
      else if (acknowledged.get(doc)?.has(line)) report.acknowledged += 1;
      else report.uncited.push({ doc, line, ids: ids.sort(), words, excerpt: excerptAround(text, lower.search(LINKAGE)) });
    });
  }
  return report;
}

export function formatPassage(p: UncitedPassage): string {
  return `${p.doc}:${p.line} [${p.words.join(', ')}] names ${p.ids.join(', ')}: "${p.excerpt}"`;
}
