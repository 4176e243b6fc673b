/**
 * Gould & Fernandez (1989) brokerage, exactly as R's sna::brokerage(g, cl) (sna 2.7) defines it:
 * raw counts come from the typed-array counter (brokerageCount.ts; `countBrokerage` below is the same
 * definition enumerated path by path, the oracle its tests use); expectations and standard deviations are sna's closed forms under a Bernoulli
 * digraph of density d = m / (N(N−1)), transcribed from sna's R source; z = (raw − exp) / sd, null where
 * sna yields NaN or ±Inf (sd = 0).
 */
export const ROLES = ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison', 'total'] as const;
export type Role = (typeof ROLES)[number];
export type RoleValues = Record<Role, number | null>;

const choose2 = (x: number) => (x * (x - 1)) / 2;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Expected counts and standard deviations for an actor of a group of size n_i (sna's ebr / vbr rows). */
export function actorExpectations(sizes: number[], i: number, N: number, d: number): { exp: number[]; sd: number[] } {
  const ni = sizes[i]!;
  const others = sizes.filter((_, j) => j !== i);
  const p = d * d * (1 - d);
  const q = d ** 3 * (1 - d) ** 3;
  const e = new Array<number>(6).fill(0);
  const v = new Array<number>(6).fill(0);
  e[0] = p * (ni - 1) * (ni - 2);
  v[0] = e[0] * (1 - p) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * q;
  e[1] = p * sum(others.map((n) => n * (n - 1)));
  v[1] = e[1] * (1 - p) + 2 * sum(others.map((n) => n * (n - 1) * (n - 2))) * q;
  e[2] = p * (N - ni) * (ni - 1);
  v[2] = e[2] * (1 - p) + 2 * ((ni - 1) * choose2(N - ni) + (N - ni) * choose2(ni - 1)) * q;
  e[3] = e[2];
  v[3] = v[2];
  e[4] = p * (sum(others) ** 2 - sum(others.map((n) => n * n)));
  v[4] = e[4] * (1 - p) + 4 * sum(others.map((n) => n * choose2(N - n - ni) * q));
  e[5] = p * (N - 1) * (N - 2);
  v[5] = e[5] * (1 - p) + 2 * (N - 1) * (N - 2) * (N - 3) * q;
  return { exp: e, sd: v.map(Math.sqrt) };
}

/** Whole-network expectations and standard deviations (sna's egbr / vgbr). */
export function networkExpectations(n: number[], N: number, d: number): { exp: number[]; sd: number[] } {
  const p = d * d * (1 - d);
  const d3 = d ** 3 * (1 - d) ** 3;
  const d4 = d ** 4 * (1 - d) ** 2;
  const d5 = d ** 5 * (1 - d);
  const e = new Array<number>(6).fill(0);
  const v = new Array<number>(6).fill(0);
  e[0] = p * sum(n.map((x) => x * (x - 1) * (x - 2)));
  v[0] = e[0] * (1 - p) + sum(n.map((x) => x * (x - 1) * (x - 2) * ((4 * x - 10) * d3 - 4 * (x - 3) * d4 + (x - 3) * d5)));
  e[1] = p * sum(n.map((x) => x * (N - x) * (x - 1)));
  let outer1 = 0;
  for (const x of n) for (const y of n) outer1 += x * y * (x - 1) * ((2 * x + 2 * y - 6) * d3 + (N - x - 1) * d5);
  v[1] = e[1] * (1 - p) + (outer1 - sum(n.map((x) => x * x * (x - 1) * ((4 * x - 6) * d3 + (N - x - 1) * d5))));
  e[2] = p * sum(n.map((x) => x * (N - x) * (x - 1)));
  v[2] = e[2] * (1 - p) + sum(n.map((x) => x * (N - x) * (x - 1) * ((N - 3) * d3 + (x - 2) * d5)));
  e[3] = e[2];
  v[3] = v[2];
  let outer2 = 0;
  for (const x of n) for (const y of n) outer2 += x * y * (N - x - y);
  e[4] = p * (outer2 - sum(n.map((x) => x * x * (N - 2 * x))));
  v[4] = e[4] * (1 - p);
  for (let i = 0; i < n.length; i += 1)
    for (let j = 0; j < n.length; j += 1)
      for (let k = 0; k < n.length; k += 1) {
        if (i === j || j === k || i === k) continue;
        const [a, b, c] = [n[i]!, n[j]!, n[k]!];
        v[4] += a * b * c * ((4 * (N - b) - 2 * (a + c + 1)) * d3 - (4 * (N - c) - 2 * (a + b + 1)) * d4 + (N - (a + c + 1)) * d5);
      }
  e[5] = p * N * (N - 1) * (N - 2);
  v[5] = e[5] * (1 - p) + N * (N - 1) * (N - 2) * ((4 * N - 10) * d3 - 4 * (N - 3) * d4 + (N - 3) * d5);
  return { exp: e, sd: v.map(Math.sqrt) };
}

export const toRoles = (xs: (number | null)[]): RoleValues =>
  Object.fromEntries(ROLES.map((r, i) => [r, xs[i] === undefined ? null : xs[i]])) as RoleValues;

/** z-score as sna computes it, with NaN and ±Inf reported as null (undefined, not 0). */
export function zScores(raw: number[], exp: number[], sd: number[]): (number | null)[] {
  return raw.map((r, i) => {
    const z = (r - exp[i]!) / sd[i]!;
    return Number.isFinite(z) ? z : null;
  });
}

/**
 * Raw counts on an in-memory arc set, enumerating every two-path a → v → b one by one with sets: the
 * plain statement of sna's definition, kept as the oracle the fast counter (brokerageCount.ts) is tested
 * against on small graphs (it allocates per actor and is far too slow for large ones).
 */
export function countBrokerage(nodes: string[], arcs: [string, string][], group: (id: string) => string): Map<string, number[]> {
  const out = new Map<string, Set<string>>();
  const inn = new Map<string, Set<string>>();
  for (const n of nodes) {
    out.set(n, new Set());
    inn.set(n, new Set());
  }
  for (const [a, b] of arcs) {
    if (a === b) continue;
    out.get(a)?.add(b);
    inn.get(b)?.add(a);
  }
  const res = new Map<string, number[]>();
  for (const v of nodes) {
    const c = [0, 0, 0, 0, 0, 0];
    const gv = group(v);
    for (const a of inn.get(v)!) {
      const ga = group(a);
      const aOut = out.get(a)!;
      for (const b of out.get(v)!) {
        if (b === a || aOut.has(b)) continue;
        const gb = group(b);
        const role = ga === gv && gv === gb ? 0 : ga === gb ? 1 : ga === gv ? 2 : gv === gb ? 3 : 4;
        c[role]! += 1;
        c[5]! += 1;
      }
    }
    res.set(v, c);
  }
  return res;
}
