/**
 * Dominators of a digraph from a root (Cooper, Harvey & Kennedy 2001, "A Simple, Fast Dominance
 * Algorithm"): node d dominates t when every path from the root to t passes through d. Hand-written
 * because graphology has no dominator algorithm; checked against networkx.immediate_dominators.
 * Returns the immediate dominator of every node reachable from the root (the root maps to itself).
 */
export function immediateDominators(root: string, successors: (n: string) => Iterable<string>): Map<string, string> {
  // Reverse post-order by iterative DFS.
  const order: string[] = [];
  const seen = new Set<string>([root]);
  const stack: [string, Iterator<string>][] = [[root, successors(root)[Symbol.iterator]()]];
  const preds = new Map<string, string[]>();
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const next = top[1].next();
    if (next.done) {
      order.push(top[0]);
      stack.pop();
      continue;
    }
    const s = next.value;
    preds.set(s, [...(preds.get(s) ?? []), top[0]]);
    if (!seen.has(s)) {
      seen.add(s);
      stack.push([s, successors(s)[Symbol.iterator]()]);
    }
  }
  order.reverse();
  const index = new Map(order.map((n, i) => [n, i]));
  const idom = new Map<string, string>([[root, root]]);
  const intersect = (a: string, b: string) => {
    let x = a;
    let y = b;
    while (x !== y) {
      while (index.get(x)! > index.get(y)!) x = idom.get(x)!;
      while (index.get(y)! > index.get(x)!) y = idom.get(y)!;
    }
    return x;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const n of order) {
      if (n === root) continue;
      let newIdom: string | undefined;
      for (const p of preds.get(n) ?? []) {
        if (!idom.has(p)) continue;
        newIdom = newIdom === undefined ? p : intersect(p, newIdom);
      }
      if (newIdom !== undefined && idom.get(n) !== newIdom) {
        idom.set(n, newIdom);
        changed = true;
      }
    }
  }
  return idom;
}

/** Every node (other than root and target) on all paths from root to target: the dominator chain. */
export function dominatorsOf(idom: Map<string, string>, root: string, target: string): string[] {
  const out: string[] = [];
  let x = idom.get(target);
  while (x !== undefined && x !== root) {
    out.push(x);
    x = idom.get(x);
  }
  return out.reverse();
}
