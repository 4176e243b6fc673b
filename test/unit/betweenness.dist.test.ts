import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The worker thread must start from compiled JavaScript too (`npm start` runs dist/ with plain node, no
 * TypeScript loader), not only under tsx and vitest, which the other betweenness tests cover. The domain
 * files are compiled with the production build's options (tsconfig.build.json) into a temporary directory
 * and run by plain `node` in two workers.
 */
const out = mkdtempSync(path.join(os.tmpdir(), 'betweenness-dist-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('betweenness from the compiled build', () => {
  it('runs its worker threads under plain node and gives the in-thread answer', () => {
    const files = ['csr', 'betweenness', 'betweennessKernel', 'betweennessWorker'].map((f) => `server/src/domain/${f}.ts`);
    writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }'); // ES modules, as the repository's own package.json
    execFileSync('npx', ['tsc', '--ignoreConfig', '--outDir', out, '--rootDir', '.', '--target', 'ES2022', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--strict', '--skipLibCheck', '--types', 'node', ...files], { stdio: 'pipe' });
    const script = `
      import { buildCsr } from './server/src/domain/csr.js';
      import { betweennessCentrality } from './server/src/domain/betweenness.js';
      const n = 300, src = new Int32Array(900), dst = new Int32Array(900);
      for (let i = 0; i < 900; i++) { src[i] = (i * 7919) % n; dst[i] = (i * 104729 + 13) % n; }
      const g = buildCsr(n, src, dst);
      const one = await betweennessCentrality(g, { directed: true, workers: 1 });
      const two = await betweennessCentrality(g, { directed: true, workers: 2, inThreadBelow: 0 });
      console.log(JSON.stringify({ diff: Math.max(...one.map((x, v) => Math.abs(x - two[v]))), max: Math.max(...one) }));`;
    writeFileSync(path.join(out, 'run.mjs'), script);
    const r = JSON.parse(execFileSync(process.execPath, ['run.mjs'], { cwd: out, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })) as { diff: number; max: number };
    expect(r.max).toBeGreaterThan(0);
    expect(r.diff).toBeLessThan(1e-12);
  }, 120_000);
});
