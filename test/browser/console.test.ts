import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gql } from '../helpers/db.js';
import { openPage, SCREENSHOTS, viewerForFile, waitForNode } from './browser.js';

/**
 * The Cypher console in the viewer, in headless Chromium against the seeded test database: opened from the
 * top bar, it runs a read and shows the rows, shows the server's refusal of a write, works from the keyboard
 * and opens the entities of its rows on the graph.
 */
const env = viewerForFile();
const SINOS = 'cluster:sinos-valley-footwear';

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 100 });

describe('the Cypher console', () => {
  it('opens from the top bar, runs a read query and shows its columns and rows', async () => {
    const { page, context, errors } = await openPage(env.browser, `${env.service.url}/?lang=en`);
    await page.getByTestId('open-console').click();
    await page.getByTestId('console').waitFor();
    await page.getByTestId('console-query').fill('MATCH (c:Cluster) RETURN c.id AS id, c.name AS name ORDER BY id LIMIT 3');
    await page.getByTestId('console-run').click();
    await page.getByTestId('console-table').waitFor();
    expect(await page.locator('[data-testid="console-table"] th').allTextContents()).toEqual(['id', 'name']);
    // The same query through the API gives the rows the table must show.
    const api = await gql<{ cypher: { rows: string[][] } }>(env.service, '{ cypher(query: "MATCH (c:Cluster) RETURN c.id AS id, c.name AS name ORDER BY id LIMIT 3") { rows } }');
    const cells = await page.locator('[data-testid="console-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(cells).toEqual(api.data!.cypher.rows);
    await poll(() => page.getByTestId('console-status').textContent()).toMatch(/^3 rows in \d+ ms\./);
    expect(await page.getByTestId('console-error').textContent()).toBe('');
    expect(errors).toEqual([]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'console.png') });
    await context.close();
  });

  it('has its button in the top bar, within a tablet screen in the longest language', async () => {
    const { page, context } = await openPage(env.browser, `${env.service.url}/?lang=es`, { width: 1024, height: 768 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    for (const id of ['open-console', 'open-editor', 'open-help']) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect(box.x + box.width, id).toBeLessThanOrEqual(1024);
    }
    await context.close();
  });

  it('shows the refusal of a write with its reason, and writes nothing', async () => {
    const count = async () => (await env.service.executor.runText('MATCH (n:ConsoleProbe) RETURN count(n) AS n', {}, 'READ'))[0]!.n;
    const { page, context } = await openPage(env.browser, `${env.service.url}/?lang=en`);
    await page.getByTestId('open-console').click();
    await page.getByTestId('console-query').fill('CREATE (n:ConsoleProbe {id: "test-console"}) RETURN n');
    await page.getByTestId('console-run').click();
    await poll(() => page.getByTestId('console-error').textContent()).toBe('The console runs read-only queries: this query writes (CREATE).');
    expect(await page.getByTestId('console-table').count()).toBe(0);
    expect(await count()).toBe(0);
    await context.close();
  });

  it('works from the keyboard: Enter opens it, Ctrl+Enter runs, Escape closes; Show on graph opens the entities', async () => {
    const { page, context } = await openPage(env.browser, `${env.service.url}/?lang=es`);
    expect(await page.getByTestId('open-console').textContent()).toBe('Consola Cypher');
    await page.getByTestId('open-console').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('console').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('console-query');
    // The example of a cluster's members: its parameters come with it.
    await page.getByTestId('console-examples').selectOption({ label: 'Miembros de un cluster (en el grafo)' });
    expect(await page.getByTestId('console-params').inputValue()).toContain(SINOS);
    await page.getByTestId('console-query').press('Control+Enter');
    await page.getByTestId('console-table').waitFor();
    const api = await gql<{ cypher: { rows: { id: string }[][] } }>(env.service, 'query($q: String!, $p: JSON) { cypher(query: $q, params: $p) { rows } }', {
      q: 'MATCH (m:Entity)-[:MEMBER_OF]->(:Cluster {id: $cluster}) RETURN DISTINCT m LIMIT 50',
      p: { cluster: SINOS },
    });
    const members = api.data!.cypher.rows.map((r) => r[0]!.id);
    expect(members.length).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="console-table"] tbody tr').count()).toBe(members.length);
    await page.getByTestId('console-show').click();
    await page.getByTestId('console').waitFor({ state: 'detached' });
    await waitForNode(page, members[0]!);
    await poll(() => page.evaluate(() => (window.__viewer.state() as { expanded: string[] }).expanded)).toEqual(members);
    await page.getByTestId('open-console').click();
    await page.getByTestId('console').waitFor();
    expect(await page.getByTestId('console-query').inputValue()).toContain('MEMBER_OF'); // the draft is kept
    await page.keyboard.press('Escape');
    await page.getByTestId('console').waitFor({ state: 'detached' });
    await context.close();
  });
});
