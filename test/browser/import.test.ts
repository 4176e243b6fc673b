import { afterAll, describe, expect, it } from 'vitest';
import { cleanImports, fixture } from '../helpers/importing.js';
import { openPage, viewerForFile } from './browser.js';

/**
 * The viewer's import dialog in headless Chromium against the seeded test database: an editor picks the
 * broken fixture and sees every error of the server's report; with "write the valid rows" it imports the
 * valid one, offers the rejected rows as files, and undoes the import.
 */
const env = viewerForFile();
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });

/** The imports this file makes (the viewer's editor is "editor"): their audit records are deleted after. */
const made: string[] = [];
afterAll(async () => {
  if (!env.service) return;
  await cleanImports(env.service.executor, ':test-bad');
  await env.service.executor.runText('MATCH (s:Source) WHERE s.key IN $ids DETACH DELETE s', { ids: made });
  await env.service.executor.runText('MATCH (c:Change) WHERE c.target IN $targets DELETE c', { targets: made.map((id) => `source:${id}`) });
});

describe('the import dialog', () => {
  it('shows the validation report of broken files, imports the valid rows on request and undoes them', async () => {
    const { page, context, errors } = await openPage(env.browser, `${env.service.url}/?lang=en`);
    await page.evaluate(() => localStorage.setItem('clustergraph.editorToken', 'test-editor-token-123'));
    await page.getByTestId('open-importer').click();
    await page.getByTestId('importer').waitFor();
    await poll(() => page.locator('[data-testid="importer"] a[download="nodes.csv"]').count()).toBe(1);
    await page.getByTestId('import-files').setInputFiles([fixture('broken', 'nodes.csv'), fixture('broken', 'edges.csv')]);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-errors').waitFor();
    const rows = await page.locator('[data-testid="import-errors"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toHaveLength(21);
    expect(rows[0]).toEqual(['nodes.csv row 2', 'kind', '"Company" is not a kind: use one of Cluster, Firm, Buyer, Institution, Program, Person, ValueChain, Place, Event, Upgrading']);
    expect(await page.getByTestId('import-message').textContent()).toMatch(/^Nothing was checked further: 21 error\(s\) in 21 row\(s\)/);
    await page.getByTestId('import-valid-rows').check();
    await page.getByTestId('import-run').click();
    await poll(() => page.getByTestId('import-message').textContent()).toMatch(/^Imported as import:[0-9a-f]{12}: 1 entities added/);
    made.push(/import:[0-9a-f]{12}/.exec((await page.getByTestId('import-message').textContent())!)![0]);
    expect(await page.locator('[data-testid="importer"] a[download$=".rejected.csv"]').allTextContents()).toEqual(['nodes.rejected.csv', 'edges.rejected.csv']);
    const [stored] = await env.service.executor.runText("MATCH (n:Entity {id: 'firm:test-bad-ok'}) RETURN n.name AS name", {}, 'READ');
    expect(stored?.name).toBe('A Valid Firm');
    await page.getByTestId('import-undo').click();
    await poll(() => page.getByTestId('import-undone').textContent()).toBe('Undone: 1 entities and 0 relationships removed.');
    expect(await env.service.executor.runText("MATCH (n:Entity {id: 'firm:test-bad-ok'}) RETURN n", {}, 'READ')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has its button in the top bar, within a tablet screen in the longest language', async () => {
    const { page, context } = await openPage(env.browser, `${env.service.url}/?lang=es`, { width: 1024, height: 768 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const box = (await page.getByTestId('open-importer').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
    expect(await page.getByTestId('open-importer').textContent()).toBe('Importar');
    await context.close();
  });
});
