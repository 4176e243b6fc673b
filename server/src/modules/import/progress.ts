import type { ProgressEvent } from './check.js';

const n = (x: number) => Math.round(x).toLocaleString('en-US');

/** `1 m 05 s`, `42 s`. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)} m ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

/**
 * A progress line for a long import: phase, rows, rows per second, how far along and the time left, e.g.
 * `writing: 120,000 of 500,000 rows (24%), 41,000 rows/s, about 9 s left`. On a terminal the line is
 * rewritten in place a few times a second; elsewhere (a log) a line is written every few seconds.
 */
export class ProgressLine {
  private phase?: string;
  private started = 0;
  private last = 0;
  private shown = false;
  private finished = false;

  constructor(
    private readonly write: (s: string) => void,
    private readonly opts: { tty: boolean; now?: () => number; total?: number } = { tty: false },
  ) {}

  private now(): number {
    return this.opts.now?.() ?? performance.now();
  }

  /** The line for an event, measured from the start of its phase. */
  format(p: ProgressEvent, elapsedMs: number, total?: number): string {
    const rate = elapsedMs > 0 ? (p.rows * 1000) / elapsedMs : 0;
    const of = p.phase === 'writing' && total ? ` of ${n(total)}` : '';
    const pct = p.fraction !== undefined ? ` (${Math.floor(p.fraction * 100)}%)` : '';
    const left = p.fraction !== undefined && p.fraction > 0 && p.fraction < 1 ? `, about ${duration(((elapsedMs / 1000) * (1 - p.fraction)) / p.fraction)} left` : '';
    return `${p.phase}: ${n(p.rows)}${of} rows${pct}, ${n(rate)} rows/s${left}`;
  }

  /** Starts timing a phase (rates and time left are measured from here). */
  start(phase: ProgressEvent['phase']): void {
    if (this.shown && this.opts.tty) this.write('\n');
    this.phase = phase;
    this.started = this.now();
    this.last = this.started;
    this.finished = false;
    this.shown = false;
  }

  update(p: ProgressEvent, total?: number): void {
    if (p.phase !== this.phase) this.start(p.phase);
    const t = this.now();
    const every = this.opts.tty ? 200 : 5000;
    // The last line of a phase is always shown, once.
    const done = p.fraction !== undefined && p.fraction >= 1 && !this.finished;
    if (t - this.last < every && !done) return;
    if (done) this.finished = true;
    this.last = t;
    this.shown = true;
    const line = this.format(p, t - this.started, total);
    this.write(this.opts.tty ? `\r\x1b[2K${line}` : `${line}\n`);
  }

  /** Ends the line on a terminal. */
  end(): void {
    if (this.shown && this.opts.tty) this.write('\n');
    this.shown = false;
  }
}
