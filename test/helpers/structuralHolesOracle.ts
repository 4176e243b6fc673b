/**
 * The string implementation of Burt's measures that the service used before the CSR engine
 * (server/src/domain/structuralHoles.ts), kept word for word as a test-only oracle: it follows the
 * definitions term by term (Maps and Sets, every m(i,j) looked up), so it is slow but easy to check by eye,
 * and it measures hierarchy, which networkx does not. Same definitions as the engine's header.
 */
import type { HolesResult } from '../../server/src/domain/structuralHoles.js';

export function structuralHolesOracle(nodes: string[], arcs: [string, string][]): Map<string, HolesResult> {
  const adj = new Map<string, Set<string>>(nodes.map((n) => [n, new Set()]));
  const alters = new Map<string, Set<string>>(nodes.map((n) => [n, new Set()]));
  for (const [a, b] of arcs) {
    if (a === b || !adj.has(a) || !adj.has(b)) continue;
    adj.get(a)!.add(b);
    alters.get(a)!.add(b);
    alters.get(b)!.add(a);
  }
  const m = (i: string, j: string) => (adj.get(i)!.has(j) ? 1 : 0) + (adj.get(j)!.has(i) ? 1 : 0);
  const total = new Map<string, number>();
  const maxW = new Map<string, number>();
  for (const i of nodes) {
    let s = 0;
    let mx = 0;
    for (const j of alters.get(i)!) {
      const w = m(i, j);
      s += w;
      mx = Math.max(mx, w);
    }
    total.set(i, s);
    maxW.set(i, mx);
  }
  const p = (i: string, j: string) => (total.get(i)! === 0 ? 0 : m(i, j) / total.get(i)!);
  const out = new Map<string, HolesResult>();
  for (const i of nodes) {
    const A = [...alters.get(i)!];
    const n = A.length;
    if (n === 0) {
      out.set(i, { degree: 0, effectiveSize: null, efficiency: null, constraint: null, hierarchy: null });
      continue;
    }
    const local = A.map((j) => {
      let indirect = 0;
      for (const q of A) if (q !== j) indirect += p(i, q) * p(q, j);
      return (p(i, j) + indirect) ** 2;
    });
    const c = local.reduce((x, y) => x + y, 0);
    let eff = 0;
    for (const j of A) {
      let r = 0;
      for (const q of A) if (q !== j && maxW.get(j)! > 0) r += p(i, q) * (m(j, q) / maxW.get(j)!);
      eff += 1 - r;
    }
    let h: number | null = null;
    if (n > 1 && c > 0) {
      const mean = c / n;
      h = local.reduce((s, cij) => (cij > 0 ? s + (cij / mean) * Math.log(cij / mean) : s), 0) / (n * Math.log(n));
    }
    out.set(i, { degree: n, effectiveSize: eff, efficiency: eff / n, constraint: c, hierarchy: h });
  }
  return out;
}
