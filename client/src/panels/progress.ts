// The progress bar of a running analysis job: percent, stage, and a Cancel button. One bar, over the graph.
import { $, h } from '../dom.js';
import { t } from '../i18n/index.js';

let bar: HTMLElement | null = null;

function ensureBar(): HTMLElement {
  if (bar?.isConnected) return bar;
  bar = h('div', { id: 'job-progress', class: 'job-progress', role: 'status', 'data-testid': 'job-progress', hidden: true });
  ($('cy').parentElement ?? document.body).append(bar);
  return bar;
}

/** Shows (or updates) the bar: `fraction` 0–1, the server's stage text, and what Cancel does. */
export function showJobProgress({ fraction, stage, jobId, cancel }: { fraction: number; stage: string; jobId: string; cancel: () => void }): void {
  const el = ensureBar();
  const percent = Math.floor(Math.min(1, Math.max(0, fraction)) * 100);
  el.dataset.jobId = jobId;
  el.replaceChildren(
    h('span', { class: 'job-label' }, t('jobRunning')),
    h('progress', { max: 100, value: percent, 'aria-label': t('jobRunning') }),
    h('span', { class: 'job-percent', 'data-testid': 'job-percent' }, `${percent} %`),
    h('span', { class: 'job-stage', 'data-testid': 'job-stage' }, stage),
    h('button', { onclick: cancel, 'data-testid': 'job-cancel' }, t('jobCancel')),
  );
  el.hidden = false;
}

export function hideJobProgress(): void {
  if (bar) bar.hidden = true;
}
