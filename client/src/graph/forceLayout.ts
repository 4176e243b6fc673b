// A fast force-directed layout for large graphs, pure (no DOM) so that it runs in a web worker.
// Repulsion only between nodes in neighbouring grid cells (O(n) per iteration instead of O(n²)), the grid
// rebuilt each iteration by a counting sort into typed arrays; springs along edges, a weak pull to the centre
// and a cooling step size.

export interface ForceInput {
  /** Number of nodes; nodes are 0…n−1. */
  n: number;
  /** Edge endpoints as pairs: [s0, t0, s1, t1, …]. */
  edges: Uint32Array;
  /** Iterations (default 50): more gives a tidier picture, linearly slower. */
  iterations?: number;
  /** Preferred edge length in model units (default 40). */
  edgeLength?: number;
  /** Seed for the initial random placement, so a layout is reproducible (default 1). */
  seed?: number;
}

/** Returns x, y interleaved: [x0, y0, x1, y1, …]. */
export function forceLayout({ n, edges, iterations = 50, edgeLength = 40, seed = 1 }: ForceInput): Float32Array {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  let s = seed >>> 0 || 1;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
  const radius = Math.sqrt(n) * edgeLength;
  for (let i = 0; i < n; i++) {
    const a = rand() * Math.PI * 2;
    const r = Math.sqrt(rand()) * radius;
    x[i] = Math.cos(a) * r;
    y[i] = Math.sin(a) * r;
  }
  const cell = edgeLength * 2;
  const k2 = edgeLength * edgeLength;
  const cellOf = new Int32Array(n);
  const order = new Int32Array(n);
  let temp = radius / 4;
  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, x[i]!);
      maxX = Math.max(maxX, x[i]!);
      minY = Math.min(minY, y[i]!);
      maxY = Math.max(maxY, y[i]!);
    }
    const cols = Math.max(1, Math.floor((maxX - minX) / cell) + 1);
    const rows = Math.max(1, Math.floor((maxY - minY) / cell) + 1);
    const start = new Int32Array(cols * rows + 1);
    for (let i = 0; i < n; i++) {
      const c = Math.floor((x[i]! - minX) / cell) + cols * Math.floor((y[i]! - minY) / cell);
      cellOf[i] = c;
      start[c + 1]!++;
    }
    for (let c = 0; c < cols * rows; c++) start[c + 1]! += start[c]!;
    const fillAt = start.slice(0, cols * rows);
    for (let i = 0; i < n; i++) order[fillAt[cellOf[i]!]!++] = i;
    for (let i = 0; i < n; i++) {
      const cx = Math.floor((x[i]! - minX) / cell);
      const cy = Math.floor((y[i]! - minY) / cell);
      for (let gy = Math.max(0, cy - 1); gy <= Math.min(rows - 1, cy + 1); gy++) {
        for (let gx = Math.max(0, cx - 1); gx <= Math.min(cols - 1, cx + 1); gx++) {
          const c = gx + cols * gy;
          for (let k = start[c]!; k < start[c + 1]!; k++) {
            const j = order[k]!;
            if (j === i) continue;
            const ddx = x[i]! - x[j]!;
            const ddy = y[i]! - y[j]!;
            const f = k2 / (ddx * ddx + ddy * ddy + 0.01);
            dx[i] = dx[i]! + ddx * f;
            dy[i] = dy[i]! + ddy * f;
          }
        }
      }
    }
    for (let e = 0; e < edges.length; e += 2) {
      const a = edges[e]!;
      const b = edges[e + 1]!;
      const ddx = x[a]! - x[b]!;
      const ddy = y[a]! - y[b]!;
      const f = Math.sqrt(ddx * ddx + ddy * ddy) / edgeLength;
      dx[a] = dx[a]! - ddx * f;
      dy[a] = dy[a]! - ddy * f;
      dx[b] = dx[b]! + ddx * f;
      dy[b] = dy[b]! + ddy * f;
    }
    for (let i = 0; i < n; i++) {
      const fx = dx[i]! - x[i]! * 0.01;
      const fy = dy[i]! - y[i]! * 0.01;
      const d = Math.sqrt(fx * fx + fy * fy) + 0.01;
      const step = Math.min(d, temp);
      x[i] = x[i]! + (fx / d) * step;
      y[i] = y[i]! + (fy / d) * step;
    }
    temp = Math.max(edgeLength / 10, temp * 0.94);
  }
  const pos = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    pos[i * 2] = x[i]!;
    pos[i * 2 + 1] = y[i]!;
  }
  return pos;
}
