/** What the benchmarks (bench/*.ts) share to measure and report; none of it is part of the service. */
import { appendFileSync, readFileSync } from 'node:fs';

/** The value of `--name` on the command line, or `fallback`. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
}

/** The median (the mean of the two middle values for an even count). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** CPU ms (user + system) a process has used so far (/proc/PID/stat, clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

/** The machine's load average over 1, 5 and 15 minutes, as the notes of a result give it. */
export const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** Prints a dated section of results and appends it to bench/RESULTS.md, unless the command line says --no-record. */
export function record(text: string): void {
  process.stdout.write(text);
  if (!process.argv.includes('--no-record')) appendFileSync('bench/RESULTS.md', text);
}
