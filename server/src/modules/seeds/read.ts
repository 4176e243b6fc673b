import { fromRoot } from '../../paths.js';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { ZodType } from 'zod';
import {
  distinctRecord,
  linkRecord,
  nodeRecord,
  passageRecord,
  seedFile,
  sourceDoc,
  statementRecord,
  tableRecord,
  type DistinctRecord,
  type LinkRecord,
  type NodeRecord,
  type PassageRecord,
  type SourceDoc,
  type StatementRecord,
  type TableRecord,
} from './format.js';

export const seedsRoot = fromRoot('seeds');

/** One thing wrong with the seed files: where (file, record, field) and what. */
export interface SeedProblem {
  file: string;
  record?: string;
  field?: string;
  message: string;
}

export function formatProblem(p: SeedProblem): string {
  return `${p.file}${p.record ? ` ${p.record}` : ''}${p.field ? ` .${p.field}` : ''}: ${p.message}`;
}

/** A record together with where it was read from. */
export interface Located<T> {
  value: T;
  file: string;
  /** `nodes[3] firm:segusino` — how problems name it. */
  where: string;
  /** Stable key of the declaration (`file#list[index]`), used as the provenance key in the graph. */
  key: string;
}

export interface SeedSet {
  sources: SourceDoc[];
  nodes: Located<NodeRecord>[];
  links: Located<LinkRecord>[];
  statements: Located<StatementRecord>[];
  tables: Located<TableRecord>[];
  /** Reviewed pairs of ids the duplicate check flags but that are different things. */
  distinct: Located<DistinctRecord>[];
  /** Reviewed linkage passages that need no record (the coverage report leaves them out). */
  passages: Located<PassageRecord>[];
  /** Document text by key, one paragraph a line, for quote checks and context. */
  documents: Map<string, string[]>;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((f) => {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) return f === 'documents' ? [] : yamlFiles(p);
      return /\.ya?ml$/.test(f) ? [p] : [];
    })
    .sort();
}

function label(list: string, i: number, raw: unknown): string {
  const r = raw as { id?: unknown; about?: unknown; ids?: unknown; doc?: unknown; type?: unknown; from?: unknown; to?: unknown } | null;
  const pair = Array.isArray(r?.ids) ? r.ids.map(String).join(' ~ ') : undefined;
  const passage = typeof r?.doc === 'string' ? r.doc : undefined;
  const name = r?.id ?? r?.about ?? pair ?? passage ?? (r?.type ? `${String(r.type)} ${String(r.from)}→${String(r.to)}` : '');
  return `${list}[${i}]${name ? ` ${String(name)}` : ''}`;
}

/** Reads and shape-checks every seed file; records that fail their schema are reported, not returned. */
export function readSeeds(root = seedsRoot): { set: SeedSet; problems: SeedProblem[] } {
  const problems: SeedProblem[] = [];
  const set: SeedSet = { sources: [], nodes: [], links: [], statements: [], tables: [], distinct: [], passages: [], documents: new Map() };
  if (!existsSync(root)) {
    problems.push({ file: root, message: 'the seeds folder does not exist' });
    return { set, problems };
  }
  for (const file of yamlFiles(root)) {
    const rel = path.relative(root, file);
    const doc = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) problems.push({ file: rel, message: `YAML syntax: ${e.message.split('\n')[0]} (line ${e.linePos?.[0]?.line ?? '?'})` });
      continue;
    }
    const top = seedFile.safeParse(doc.toJS() ?? {});
    if (!top.success) {
      problems.push({ file: rel, message: `top level must be a mapping with nodes, links, statements, tables or sources lists: ${top.error.issues.map((i) => i.message).join('; ')}` });
      continue;
    }
    const take = <T>(list: keyof typeof top.data, schema: ZodType<T>, into: Located<T>[]) => {
      (top.data[list] ?? []).forEach((raw, i) => {
        const where = label(list, i, raw);
        const r = schema.safeParse(raw);
        if (!r.success) {
          for (const issue of r.error.issues) problems.push({ file: rel, record: where, field: issue.path.join('.') || undefined, message: issue.message });
        } else {
          into.push({ value: r.data, file: rel, where, key: `${rel}#${list}[${i}]` });
        }
      });
    };
    take('nodes', nodeRecord, set.nodes);
    take('links', linkRecord, set.links);
    take('statements', statementRecord, set.statements);
    take('tables', tableRecord, set.tables);
    take('distinct', distinctRecord, set.distinct);
    take('passages', passageRecord, set.passages);
    const srcs: Located<SourceDoc>[] = [];
    take('sources', sourceDoc, srcs);
    set.sources.push(...srcs.map((s) => s.value));
  }
  for (const s of set.sources) {
    const p = path.join(root, 'documents', `${s.key}.txt`);
    if (existsSync(p)) set.documents.set(s.key, readFileSync(p, 'utf8').split('\n'));
    else problems.push({ file: 'sources.yaml', record: s.id, message: `document text seeds/documents/${s.key}.txt is missing` });
  }
  return { set, problems };
}
