import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Service } from '../../server/src/service.js';
import { startTestService } from '../helpers/db.js';

/** Debian's Chromium, headless, with nothing that reaches out to the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const SCREENSHOTS = path.resolve('test-results');

/** A fresh context (own localStorage) at 1280×720 unless told; page errors fail the test that reads them. */
export async function openPage(browser: Browser, url: string, viewport = { width: 1280, height: 720 }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await waitReady(page);
  return { context, page, errors };
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__viewer?.ready === true, null, { timeout: 30_000 });
  await page.waitForSelector('#busy[hidden]', { state: 'attached', timeout: 30_000 });
}

/** Waits until the graph holds a node with this id. */
export async function waitForNode(page: Page, id: string): Promise<void> {
  await page.waitForFunction((nid) => window.__viewer.nodes().some((n) => n.id === nid), id, { timeout: 30_000 });
}

/**
 * Saves a screenshot of the graph area under test-results/ and returns how many distinct colours it has
 * (decoded by the page's own canvas): a blank or failed drawing has one or two.
 */
export async function screenshotColours(page: Page, name: string): Promise<number> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  const graphPng = await page.locator('#cy').screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return colours.size;
  }, graphPng.toString('base64'));
}

/** Types into a suggestion box and picks the hit with this id. */
export async function pick(page: Page, testid: string, text: string, id: string): Promise<void> {
  const input = page.getByTestId(testid);
  await input.fill('');
  await input.fill(text);
  const option = page.locator(`[data-testid="${testid}-results"] li[data-id="${id}"]`);
  await option.waitFor({ timeout: 15_000 });
  await option.dispatchEvent('mousedown');
}

/**
 * One service and one Chromium for a whole browser test file, started before its tests and closed after
 * them (`beforeClose` first, e.g. to delete what the tests wrote). Its fields are set once `beforeAll` ran.
 */
export function viewerForFile(opts: { beforeClose?: (service: Service) => Promise<void> } = {}): { service: Service; browser: Browser } {
  const env = {} as { service: Service; browser: Browser };
  beforeAll(async () => {
    env.service = await startTestService();
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    if (env.service) await opts.beforeClose?.(env.service);
    await env.browser?.close();
    await env.service?.stop();
  });
  return env;
}
