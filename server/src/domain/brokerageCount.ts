/**
 * Raw Gould–Fernandez role counts on typed arrays, exactly as sna::brokerage (sna 2.7, C routine
 * brokerage_R) counts them: every two-path a → v → b with a ≠ b and NO arc a → b (an arc b → a does not
 * block) scores one for the broker v, in the role the groups of a, v and b name — coordinator (all three
 * alike), representative (a like v, b not), gatekeeper (v like b, a not), itinerant (a like b, v not),
 * liaison (all different) — checked in sna's order. Hand-written (no npm library counts these roles); it
 * never lists the two-paths one by one. Per broker v it counts the pairs (a, b) of in- and
 * out-neighbours by group from two histograms, then takes away the pairs sna skips: a = b (reciprocal
 * neighbours) and the closed pairs with an arc a → b, found by walking the shorter of out(a) and out(v)
 * (Σ min(out(a), out(v)) steps, as triangle counting). Memory: a few typed arrays of N and m entries.
 */

/** The five roles in sna's column order, then the total (raw.nli's columns). */
export const ROLE_COUNT = 6;

/** A digraph as compressed rows: `targets[start[v] .. start[v + 1])` are v's neighbours, sorted. */
export interface Rows {
  start: Int32Array;
  targets: Int32Array;
}

/** Out- and in-neighbour rows of n actors from arcs (src, dst), which must be free of repeats and self-loops. */
export function adjacency(n: number, src: Int32Array, dst: Int32Array): { out: Rows; inn: Rows } {
  const rows = (from: Int32Array, to: Int32Array): Rows => {
    const start = new Int32Array(n + 1);
    for (let k = 0; k < from.length; k += 1) start[from[k]! + 1]! += 1;
    for (let v = 0; v < n; v += 1) start[v + 1]! += start[v]!;
    const next = start.slice(0, n);
    const targets = new Int32Array(from.length);
    // Arcs in (from, to) order give sorted rows; otherwise each row is sorted afterwards.
    for (let k = 0; k < from.length; k += 1) targets[next[from[k]!]!++] = to[k]!;
    let sorted = true;
    for (let k = 1; k < from.length && sorted; k += 1) sorted = from[k - 1]! < from[k]! || (from[k - 1] === from[k] && to[k - 1]! < to[k]!);
    if (!sorted) for (let v = 0; v < n; v += 1) targets.subarray(start[v]!, start[v + 1]!).sort();
    return { start, targets };
  };
  return { out: rows(src, dst), inn: rows(dst, src) };
}

/** sna's role of a two-path whose ends and broker are in groups ga, gv, gb (0–4: coordinator … liaison). */
export function roleOf(ga: number, gv: number, gb: number): number {
  if (ga === gv) return gv === gb ? 0 : 2;
  if (gv === gb) return 3;
  return ga === gb ? 1 : 4;
}

/** Whether the sorted row `targets[from .. to)` holds x. */
function holds(targets: Int32Array, from: number, to: number, x: number): boolean {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const y = targets[mid]!;
    if (y === x) return true;
    if (y < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Working arrays of a count, reused from one range of brokers to the next. */
export interface RoleCounter {
  /** raw[6v + r]: broker v's count in role r (sna's raw.nli; doubles, exact up to 2^53). */
  raw: Float64Array;
  /** Counts brokers [from, to); call over consecutive ranges that cover 0 … n − 1. */
  countRange(from: number, to: number): void;
}

/**
 * A counter for n actors with group labels 0 … groups − 1 (`group[v]`) on the given rows. Split into
 * ranges so a caller can report progress and yield between them.
 */
export function roleCounter({ group, groups, out, inn }: { group: Int32Array; groups: number; out: Rows; inn: Rows }): RoleCounter {
  const n = group.length;
  const raw = new Float64Array(n * ROLE_COUNT);
  const perGroup = new Float64Array(groups); // in-neighbours of the current broker by group
  const mark = new Int32Array(n); // mark[b] = v + 1 while b is an out-neighbour of the broker v
  const c = new Float64Array(5); // the current broker's five role counts
  const { start: os, targets: ot } = out;
  const { start: is, targets: it } = inn;
  const countRange = (from: number, to: number) => {
    for (let v = from; v < to; v += 1) {
      const gv = group[v]!;
      const i0 = is[v]!;
      const i1 = is[v + 1]!;
      const o0 = os[v]!;
      const o1 = os[v + 1]!;
      if (i0 === i1 || o0 === o1) continue;
      let inSame = 0;
      for (let k = i0; k < i1; k += 1) {
        const g = group[it[k]!]!;
        perGroup[g]! += 1;
        if (g === gv) inSame += 1;
      }
      let outSame = 0;
      let itinerant = 0;
      const stamp = v + 1;
      for (let k = o0; k < o1; k += 1) {
        const b = ot[k]!;
        mark[b] = stamp;
        const g = group[b]!;
        if (g === gv) outSame += 1;
        else itinerant += perGroup[g]!;
      }
      for (let k = i0; k < i1; k += 1) perGroup[group[it[k]!]!] = 0;
      const inOther = i1 - i0 - inSame;
      const outOther = o1 - o0 - outSame;
      // Every (a, b) of in- × out-neighbours by role, before sna's exclusions.
      c[0] = inSame * outSame;
      c[1] = itinerant;
      c[2] = inSame * outOther;
      c[3] = inOther * outSame;
      c[4] = inOther * outOther - itinerant;
      for (let k = i0; k < i1; k += 1) {
        const a = it[k]!;
        const ga = group[a]!;
        // a = b: a reciprocal neighbour is no two-path (a coordinator or itinerant pair by the rule above).
        if (mark[a] === stamp) c[ga === gv ? 0 : 1]! -= 1;
        // Closed pairs: an arc a → b to an out-neighbour b of v. Walk the shorter row.
        const a0 = os[a]!;
        const a1 = os[a + 1]!;
        if (a1 - a0 <= o1 - o0) {
          for (let j = a0; j < a1; j += 1) {
            const b = ot[j]!;
            if (mark[b] === stamp) c[roleOf(ga, gv, group[b]!)]! -= 1;
          }
        } else {
          for (let j = o0; j < o1; j += 1) {
            const b = ot[j]!;
            if (b !== a && holds(ot, a0, a1, b)) c[roleOf(ga, gv, group[b]!)]! -= 1;
          }
        }
      }
      const at = v * ROLE_COUNT;
      raw[at] = c[0]!;
      raw[at + 1] = c[1]!;
      raw[at + 2] = c[2]!;
      raw[at + 3] = c[3]!;
      raw[at + 4] = c[4]!;
      raw[at + 5] = c[0]! + c[1]! + c[2]! + c[3]! + c[4]!;
    }
  };
  return { raw, countRange };
}
