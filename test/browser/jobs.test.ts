import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../server/src/service.js';
import { gql, startTestService } from '../helpers/db.js';
import { launchChromium, openPage, waitForNode } from './browser.js';

/**
 * The viewer runs its network measures as analysis jobs: sizing a network by betweenness shows a progress
 * bar (percent, stage, Cancel) that rises page by page, and Cancel cancels the job in flight. The network:
 * Chipilo's furniture cluster four hops out (about 300 actors in the seed data); the service answers at most
 * 20 actors a page (MAX_PAGE_SIZE), so the sizes take some fifteen jobs, one after the other, and the bar is
 * seen moving before it is cancelled.
 */
const env = {} as { service: Service; browser: Browser };
beforeAll(async () => {
  env.service = await startTestService({ MAX_PAGE_SIZE: '20', MAX_QUERY_COST: '1000000' });
  env.browser = await launchChromium();
});
afterAll(async () => {
  await env.browser?.close();
  await env.service?.stop();
});

describe('the viewer’s progress bar for long measures', { timeout: 120_000 }, () => {
  it('shows a rising bar while sizing by betweenness; Cancel cancels the job in flight on the server and starts no other', async () => {
    const { page, context, errors } = await openPage(env.browser, `${env.service.url}/?view=network&open=cluster:chipilo-furniture&hops=4`);
    await waitForNode(page, 'cluster:chipilo-furniture');
    // Record every percent the bar shows, as it shows it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __percents: string[] }).__percents = seen;
      new MutationObserver(() => {
        const p = document.querySelector('[data-testid="job-percent"]')?.textContent;
        if (p && seen.at(-1) !== p) seen.push(p);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('size-by').selectOption('betweenness');
    const bar = page.getByTestId('job-progress');
    await bar.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.getByTestId('job-stage').textContent()).not.toBe('');
    // Wait until the bar has moved past the first pages of actors, then cancel.
    const percents = () => page.evaluate(() => (window as unknown as { __percents: string[] }).__percents.map((p) => Number.parseInt(p, 10)));
    await expect.poll(async () => Math.max(...(await percents())), { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(15);
    const shown = await percents();
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(new Set(shown).size).toBeGreaterThan(1);
    // Cancel while a job is in flight: right after the viewer starts the next page's job (it waits one poll
    // interval before asking again). The viewer asks the server to cancel that job and starts no other.
    const next = await page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('startAnalysis'), { timeout: 30_000 });
    const jobId = ((await next.json()) as { data: { startAnalysis: { id: string } } }).data.startAnalysis.id;
    let startsAfter = 0;
    page.on('request', (r) => void ((r.postData() ?? '').includes('startAnalysis') && (startsAfter += 1)));
    const cancelled = page.waitForRequest((r) => (r.postData() ?? '').includes('cancelAnalysis') && (r.postData() ?? '').includes(jobId), { timeout: 10_000 });
    await page.getByTestId('job-cancel').click();
    await cancelled;
    await bar.waitFor({ state: 'hidden', timeout: 10_000 });
    expect(await page.getByTestId('status').textContent()).toMatch(/cancelled/);
    // The job ended: CANCELLED, or DONE when it finished before the cancel reached the server (the engine is
    // fast on 300 actors; the server's side of cancelling a running job is tested in test/integration/jobs.test.ts).
    const job = await gql<{ analysisJob: { status: string } }>(env.service, 'query($id: ID!) { analysisJob(id: $id) { status } }', { id: jobId });
    expect(['CANCELLED', 'DONE']).toContain(job.data!.analysisJob.status);
    await page.waitForTimeout(1500);
    expect(startsAfter).toBe(0);
    expect(await bar.isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
