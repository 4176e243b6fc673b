import { ENDPOINT_KINDS } from '../../domain/enums.js';
import { pairKey } from './duplicates.js';
import type { SourceRef } from './format.js';
import { readSeeds, seedsRoot, type SeedProblem, type SeedSet } from './read.js';

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Checks that the cited lines exist and hold the quote (white space folded, case kept). */
export function checkSource(src: SourceRef, docs: Map<string, string[]>): string | undefined {
  const lines = docs.get(src.doc);
  if (!lines) return `unknown document "${src.doc}" (known: ${[...docs.keys()].join(', ')})`;
  const bad = src.lines.filter((n) => n > lines.length);
  if (bad.length) return `line ${bad.join(', ')} is outside the document (${lines.length} lines)`;
  const q = fold(src.quote);
  const texts = src.lines.map((n) => fold(lines[n - 1] ?? ''));
  if (texts.some((t) => t.includes(q)) || texts.join(' ').includes(q)) return undefined;
  return `quote not found at line(s) ${src.lines.join(', ')}: "${q.slice(0, 80)}"`;
}

/** Every cross-record rule of seeds/FORMAT.md; returns all problems, each with file, record and field. */
export function checkSeedSet(set: SeedSet): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const kinds = new Map<string, { kind: string; file: string }>();
  const seenInFile = new Set<string>();
  for (const n of set.nodes) {
    const prev = kinds.get(n.value.id);
    if (prev && prev.kind !== n.value.kind) {
      problems.push({ file: n.file, record: n.where, field: 'kind', message: `${n.value.id} is a ${prev.kind} in ${prev.file} but a ${n.value.kind} here: one id, one thing` });
    }
    const fileKey = `${n.file}|${n.value.id}`;
    if (seenInFile.has(fileKey)) problems.push({ file: n.file, record: n.where, field: 'id', message: `${n.value.id} is declared twice in this file: merge the two declarations` });
    seenInFile.add(fileKey);
    if (!prev) kinds.set(n.value.id, { kind: n.value.kind, file: n.file });
  }
  const tableIds = new Set(set.tables.map((t) => t.value.id));

  const ref = (id: unknown, file: string, record: string, field: string, want?: string[]) => {
    if (typeof id !== 'string') return;
    const k = kinds.get(id);
    if (!k) problems.push({ file, record, field, message: `refers to ${id}, which no seed file declares` });
    else if (want && !want.includes(k.kind)) problems.push({ file, record, field, message: `${id} is a ${k.kind}; expected ${want.join(' or ')}` });
  };
  const src = (s: SourceRef, file: string, record: string, field: string) => {
    const msg = checkSource(s, set.documents);
    if (msg) problems.push({ file, record, field, message: msg });
  };

  for (const n of set.nodes) {
    const v = n.value;
    src(v.source, n.file, n.where, 'source');
    v.scoreSources?.forEach((s, i) => src(s, n.file, n.where, `scoreSources.${i}`));
    ref(v.country, n.file, n.where, 'country', ['Place']);
    ref(v.locatedIn, n.file, n.where, 'locatedIn', ['Place']);
    const p = (v.props ?? {}) as Record<string, unknown>;
    ref(p.parent, n.file, n.where, 'props.parent', ['Place']);
    ref(p.cluster, n.file, n.where, 'props.cluster', ['Cluster']);
    ref(p.subject, n.file, n.where, 'props.subject');
    if (Array.isArray(p.affects)) p.affects.forEach((a, i) => ref(a, n.file, n.where, `props.affects.${i}`));
    if (v.validFrom && v.validUntil && v.validFrom > v.validUntil) problems.push({ file: n.file, record: n.where, field: 'validUntil', message: `validUntil ${v.validUntil} is before validFrom ${v.validFrom}` });
  }
  const linkIds = new Map<string, string>();
  for (const l of set.links) {
    const v = l.value;
    src(v.source, l.file, l.where, 'source');
    const want = ENDPOINT_KINDS[v.type];
    ref(v.from, l.file, l.where, 'from', want?.from);
    ref(v.to, l.file, l.where, 'to', want?.to);
    const between = (v.props as { between?: unknown } | undefined)?.between;
    if (Array.isArray(between)) between.forEach((b, i) => ref(b, l.file, l.where, `props.between.${i}`));
    // A self-link is meaningful only for a group (cooperation among the firms an aggregate node stands for).
    const self = v.from === v.to && !set.nodes.some((n) => n.value.id === v.from && (n.value.aggregate || n.value.kind === 'Cluster'));
    if (self) problems.push({ file: l.file, record: l.where, field: 'to', message: 'a link from an actor to itself says nothing: check from and to (allowed only for aggregate nodes and clusters)' });
    if (v.validFrom && v.validUntil && v.validFrom > v.validUntil) problems.push({ file: l.file, record: l.where, field: 'validUntil', message: `validUntil ${v.validUntil} is before validFrom ${v.validFrom}` });
    if (v.id) {
      const prev = linkIds.get(v.id);
      if (prev) problems.push({ file: l.file, record: l.where, field: 'id', message: `link id ${v.id} is already used in ${prev}` });
      linkIds.set(v.id, l.file);
    }
  }
  for (const s of set.statements) {
    src(s.value.source, s.file, s.where, 'source');
    if (!tableIds.has(s.value.about)) ref(s.value.about, s.file, s.where, 'about');
    s.value.also?.forEach((id, i, all) => {
      ref(id, s.file, s.where, `also.${i}`);
      if (id === s.value.about || all.indexOf(id) !== i) problems.push({ file: s.file, record: s.where, field: `also.${i}`, message: `${id} is already named by this statement` });
    });
  }
  for (const t of set.tables) src(t.value.source, t.file, t.where, 'source');
  problems.push(...checkReviews(set, ref, src));
  return problems;
}

/** The reviewed lists: distinct pairs name two declared ids once; acknowledged passages lie inside their document. */
function checkReviews(
  set: SeedSet,
  ref: (id: unknown, file: string, record: string, field: string) => void,
  src: (s: SourceRef, file: string, record: string, field: string) => void,
): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const pairs = new Map<string, string>();
  for (const d of set.distinct) {
    const [a, b] = d.value.ids;
    ref(a, d.file, d.where, 'ids.0');
    ref(b, d.file, d.where, 'ids.1');
    if (a === b) problems.push({ file: d.file, record: d.where, field: 'ids', message: 'a pair of distinct ids needs two different ids' });
    const key = pairKey(a, b);
    const prev = pairs.get(key);
    if (prev) problems.push({ file: d.file, record: d.where, field: 'ids', message: `this pair is already reviewed in ${prev}` });
    pairs.set(key, d.file);
    if (d.value.source) src(d.value.source, d.file, d.where, 'source');
  }
  for (const p of set.passages) {
    const lines = set.documents.get(p.value.doc);
    if (!lines) {
      problems.push({ file: p.file, record: p.where, field: 'doc', message: `unknown document "${p.value.doc}"` });
      continue;
    }
    const [first, last] = p.value.range ?? [1, 1];
    if (first > last) problems.push({ file: p.file, record: p.where, field: 'range', message: `range [${first}, ${last}] runs backwards` });
    const outside = [...(p.value.lines ?? []), ...(p.value.range ?? [])].filter((n) => n > lines.length);
    if (outside.length) problems.push({ file: p.file, record: p.where, field: 'lines', message: `line ${outside.join(', ')} is outside the document (${lines.length} lines)` });
  }
  return problems;
}

/** Reads and checks the whole seed folder: the `seed check` command. */
export function seedCheck(root = seedsRoot): { set: SeedSet; problems: SeedProblem[] } {
  const { set, problems } = readSeeds(root);
  return { set, problems: [...problems, ...checkSeedSet(set)] };
}
