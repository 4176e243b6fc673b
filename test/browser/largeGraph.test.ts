import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, viewerForFile, screenshotColours } from './browser.js';

/**
 * Large networks: a synthetic 5,000-actor / 10,000-tie graph generated in the page (client/src/bench/synthetic.ts)
 * is drawn through the same controller as real data. The test asserts behaviour (everything drawn, the page
 * keeps producing frames while panning, a larger graph is refused with advice); the timings it measures are
 * printed, and appended to bench/RESULTS.md when RECORD_BENCH=1 (so `npm test` leaves the tree clean); never asserted.
 */
const env = viewerForFile();
const HEADING = '## Viewer: 5,000 nodes / 10,000 edges';
const COMMAND = 'npm run build:client && RECORD_BENCH=1 npx vitest run test/browser/largeGraph.test.ts';

/** Adds one row under the viewer heading, creating the file or the section when missing; other sections stay as they are. */
function appendResult(row: string): void {
  process.stdout.write(`viewer large-graph figures: ${row}\n`);
  if (process.env.RECORD_BENCH !== '1') return;
  const file = path.resolve('bench/RESULTS.md');
  mkdirSync(path.dirname(file), { recursive: true });
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  if (!text.includes(HEADING)) {
    text = `${text.trimEnd()}\n\n${HEADING}\n\nSynthetic graph generated in the page (clusters of 50 actors, 90 % of ties inside a cluster), drawn in headless Chromium (software rendering, \`--disable-gpu\`) at 1280×720 `
      + 'with the large-graph settings (worker force layout, simplified style, hideEdgesOnViewport, textureOnViewport). Time to first layout runs from handing over the elements to the first frame after layout. '
      + 'Panning is measured twice for 3 s each by counting requestAnimationFrame callbacks: as a drag gesture (dispatched mouse events on the background, the path a user takes, where the cached texture is shown and edges are hidden) '
      + 'and through the API (cy.panBy every frame, which Cytoscape redraws in full). The machine\'s load varies between runs; compare rows from the same machine. '
      + `Reproduce with \`${COMMAND}\`.\n\n| date | nodes | edges | time to first layout (ms) | fps, drag-pan gesture | fps, API pan (full redraw) | env.browser |\n|---|---|---|---|---|---|---|\n`;
  }
  const start = text.indexOf(HEADING);
  const next = text.indexOf('\n## ', start + HEADING.length);
  const end = next === -1 ? text.length : next;
  const section = `${text.slice(start, end).trimEnd()}\n${row}\n`;
  writeFileSync(file, `${text.slice(0, start)}${section}${next === -1 ? '' : `\n${text.slice(next + 1)}`}`);
}

describe('viewer with a large network', { timeout: 120_000 }, () => {
  it('draws 5,000 actors and 10,000 ties and keeps producing frames while panning', async () => {
    const { page, context, errors } = await openPage(env.browser, `${env.service.url}/`);
    const result = await page.evaluate(() => window.__viewer.bench(5000, 10000, 3000));
    expect(result.nodes).toBe(5000);
    const drawn = await page.evaluate(() => ({ nodes: window.__viewer.nodes().length, edges: window.__viewer.edges().length }));
    expect(drawn).toEqual({ nodes: 5000, edges: 10000 });
    expect(result.frames).toBeGreaterThan(5);
    expect(await screenshotColours(page, 'viewer-large')).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    const version = env.browser.version();
    appendResult(`| ${new Date().toISOString().slice(0, 10)} | ${result.nodes} | ${result.edges} | ${result.firstLayoutMs} | ${result.dragPanFps} | ${result.apiPanFps} | Chromium ${version} |`);
    console.log(`viewer large graph: first layout ${result.firstLayoutMs} ms, ${result.dragPanFps} fps drag-panning, ${result.apiPanFps} fps API panning`);
    await context.close();
  });

  it('refuses a graph beyond its limits and suggests a filter instead of freezing', async () => {
    const { page, context } = await openPage(env.browser, `${env.service.url}/`);
    const drawn = await page.evaluate(() => window.__viewer.tryShow(8000, 16000));
    expect(drawn).toBe(false);
    expect(await page.getByTestId('empty').textContent()).toMatch(/8000 actors.*filter/);
    expect(await page.evaluate(() => window.__viewer.nodes().length)).toBe(0);
    await context.close();
  });
});
