import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { table } from '../../server/src/cli/command.js';
import { commands } from '../../server/src/cli/commands/index.js';
import { kg } from '../../server/src/cli/kg.js';

/** Runs kg in-process and returns its exit code and what it wrote. None of these cases reaches a database. */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  const code = await kg(argv, { stdout, stderr });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A seed folder holding one file with a record of an unknown kind and no source. */
function brokenSeeds(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'kg-seeds-'));
  mkdirSync(path.join(root, 'berry1997'));
  writeFileSync(path.join(root, 'berry1997', 'bad.yaml'), 'nodes:\n  - id: firm:x\n    kind: Robot\n    name: X\n');
  return root;
}

describe('kg, the command line', () => {
  it('lists every command with its summary and the exit codes on --help, and exits 0', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    for (const c of commands) expect(r.stdout).toContain(`  ${c.name}`);
    expect(r.stdout).toContain('Exit codes: 0 ok, 1 invalid input, 2 usage, 3 database unavailable.');
  });

  it('prints the help of each command on <command> --help, and exits 0', async () => {
    for (const c of commands) {
      const r = await run(c.name, '--help');
      expect(r.code, c.name).toBe(0);
      expect(r.stdout, c.name).toMatch(new RegExp(`^Usage: kg ${c.name}`));
    }
    expect((await run('export', '--format', 'gexf', '-h')).stdout).toMatch(/--cluster X/);
  });

  it('exits 2 with a usage message for no command, an unknown command, an unknown option or a missing argument', async () => {
    expect(await run()).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Usage: kg <command>/) });
    expect(await run('frobnicate')).toMatchObject({ code: 2, stderr: expect.stringMatching(new RegExp(`unknown command "frobnicate"; the commands are ${commands.map((c) => c.name).join(', ')}\\.`)) });
    expect(await run('export', '--format', 'json', '--colour', 'red')).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown option '--colour'[\s\S]*Run `kg export --help`/) });
    expect(await run('export', '--cluster', 'cluster:x')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--format is required/) });
    expect(await run('export', '--format')).toMatchObject({ code: 2 });
    expect(await run('measure')).toMatchObject({ code: 2, stderr: expect.stringMatching(/missing the measure: brokerage, structural-holes, centrality/) });
    expect(await run('measure', 'eigenvector')).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown measure "eigenvector"/) });
    expect(await run('seed')).toMatchObject({ code: 2 });
    expect(await run('seed', 'check', 'extra')).toMatchObject({ code: 2, stderr: expect.stringMatching(/unexpected argument extra/) });
    expect(await run('stats', '--uri', 'http://localhost:7474')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--uri must be a Bolt URI/) });
  });

  it('exits 1 on invalid input, naming what is wrong, before it opens a database', async () => {
    expect(await run('export', '--format', 'xlsx')).toMatchObject({ code: 1, stderr: 'kg export: format: "xlsx" is not one of csv, json, gexf, graphml.\n' });
    expect(await run('export', '--format', 'gexf', '--ids', 'firm:a', '--hops', 'two')).toMatchObject({ code: 1, stderr: expect.stringMatching(/hops must be a whole number/) });
    expect(await run('export', '--format', 'gexf', '--types', 'LIKES')).toMatchObject({ code: 1, stderr: expect.stringMatching(/types: LIKES is not one of/) });
  });

  it('seed check exits 1 and lists each problem with file, record and field, in text or JSON', async () => {
    const root = brokenSeeds();
    const text = await run('seed', 'check', '--root', root);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('berry1997/bad.yaml nodes[0] firm:x .kind:');
    expect(text.stdout).toContain('seed check: 2 problem(s) — nothing would be loaded.');
    const json = await run('seed', 'check', '--root', root, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, problems: [{ file: 'berry1997/bad.yaml', record: 'nodes[0] firm:x', field: 'kind' }, { field: 'source' }] });
  });

  it('seed check passes on the project seeds and says so in JSON', async () => {
    const r = await run('seed', 'check', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, problems: [], duplicates: [], counts: { entities: expect.any(Number) } });
  }, 60_000);
});

describe('the plain-text table', () => {
  it('aligns text left and numbers right, with decimals to four places and empty cells for null', () => {
    expect(table(['actor', 'total', 'z'], [['firm:a', 12, 1.23456], ['institution:long-name', 3, null]])).toBe(
      [
        'actor                  total       z',
        '---------------------  -----  ------',
        'firm:a                    12  1.2346',
        'institution:long-name      3',
      ].join('\n'),
    );
  });
});
