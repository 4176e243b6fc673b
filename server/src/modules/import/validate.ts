import type { z } from 'zod';
import { ENDPOINT_KINDS, LINK_TYPE_NAMES, NODE_KINDS } from '../../domain/enums.js';
import { entityId, linkPropsByType, linkRecord, nodeRecord, propsByKind } from '../seeds/format.js';
import { isBareReference, mapEdgeRow, mapNodeRow } from './columns.js';
import { Ledger } from './ledger.js';
import { describePlace, placeOf, type EdgeRow, type ImportIssue, type IssueCode, type NodeRow, type RawRow, type RowRef } from './model.js';

/** What the validator asks the database: which ids exist (kind, aggregate) and which link ids are taken. */
export interface Lookups {
  entities(ids: string[]): Promise<Map<string, { kind: string; aggregate: boolean }>>;
  links(ids: string[]): Promise<Map<string, { type: string; from: string; to: string }>>;
}

/** The seed records' schemas want a source; an imported row's provenance is the import itself. */
const ROW_SOURCE = { doc: 'import', lines: [1], quote: 'an imported row', finding: 'own' as const };

/** A reference from a row to an entity id that neither the import so far nor the database is known to hold. */
interface Pending {
  id: string;
  want?: string[];
  ref: RowRef;
  place: Omit<ImportIssue, 'code' | 'reason'>;
  owner?: string;
}

const FLUSH_AT = 2000;

/*
 * Checking every row with the seed format's whole record schemas (nodeRecord, linkRecord) was most of the
 * check pass's own time at 100k rows: their outer fields are the ones the mapper (columns.ts) has already
 * typed, so most rows are settled by the checks below, written by hand against those schemas, and only the
 * kind's or type's property schema runs. Any row they do not settle goes through the whole schema, which
 * gives the issues and their messages as before; they never accept what the schema would refuse.
 */
const KINDS = new Set<string>(NODE_KINDS);
const TYPES = new Set<string>(LINK_TYPE_NAMES);
/** `year` in seeds/format.ts: a whole number 1800–2100, or absent. */
const yearOk = (v: number | undefined) => v === undefined || (Number.isInteger(v) && v >= 1800 && v <= 2100);
const textOk = (v: unknown) => v === undefined || typeof v === 'string';

/** What nodeRecord checks of a node row. */
export const nodeInput = (row: NodeRow) => ({ id: row.id, kind: row.kind, name: row.name, aliases: row.aliases, description: row.description, count: row.count, aggregate: row.aggregate, country: row.country, locatedIn: row.locatedIn, validFrom: row.validFrom, validUntil: row.validUntil, props: row.props, source: ROW_SOURCE });
/** What linkRecord checks of an edge row. */
export const edgeInput = (row: EdgeRow) => ({ ...(row.id ? { id: row.id } : {}), type: row.type, from: row.from, to: row.to, props: row.props, validFrom: row.validFrom, validUntil: row.validUntil, source: ROW_SOURCE });

/** Whether nodeRecord accepts the row's input, settled without it; false means "ask the schema". */
export function plainNode(row: NodeRow): boolean {
  return KINDS.has(row.kind) && row.name.length > 0 && entityId.safeParse(row.id).success
    && (row.aliases === undefined || row.aliases.every((a) => typeof a === 'string')) && textOk(row.description) && textOk(row.country) && textOk(row.locatedIn)
    && (row.count === undefined || (Number.isFinite(row.count) && row.count >= 0)) && (row.aggregate === undefined || typeof row.aggregate === 'boolean')
    && yearOk(row.validFrom) && yearOk(row.validUntil) && propsByKind[row.kind as (typeof NODE_KINDS)[number]].safeParse(row.props).success;
}

/** Whether linkRecord accepts the row's input, settled without it; false means "ask the schema". */
export function plainEdge(row: EdgeRow): boolean {
  if (row.id !== undefined || !TYPES.has(row.type) || !row.from || !row.to || !yearOk(row.validFrom) || !yearOk(row.validUntil)) return false;
  const props = linkPropsByType[row.type as keyof typeof linkPropsByType];
  return !props || props.safeParse(row.props).success;
}

/**
 * Checks every row against the domain model (the seed format's schemas and rules: kinds, enumerations,
 * required fields, ids, years, numbers in range) and every reference against the import and the database.
 * Nodes are fed first (all files), then `nodesDone()`, then edges, then `finish()`. Every problem becomes an
 * issue with file, row, column and reason; rows with a problem are rejected in the ledger, and so are rows
 * that refer to a rejected row.
 */
export class Validator {
  readonly ledger: Ledger;
  readonly issues: ImportIssue[] = [];
  issueCount = 0;
  readonly counts = { nodes: 0, edges: 0, references: 0, rejected: 0, existing: 0 };
  private readonly pending: Pending[] = [];
  private readonly dbKinds = new Map<string, { kind: string; aggregate: boolean } | null>();
  private readonly newNodes: { id: string; kind: string; ref: RowRef; place: Omit<ImportIssue, 'code' | 'reason'> }[] = [];
  private readonly edgeIds = new Map<string, string>();
  private readonly explicitEdges: { id: string; type: string; from: string; to: string; ref: RowRef; place: Omit<ImportIssue, 'code' | 'reason'> }[] = [];
  /** File names, and sheet names by index, for messages that point at another row. */
  private readonly fileNames: string[];
  private readonly sheetNames: string[][];

  constructor(private readonly opts: { files: { name: string; format: string }[]; lookups: Lookups; maxIssues?: number; onIssue?: (i: ImportIssue) => void }) {
    this.ledger = new Ledger(opts.files.map((f) => f.format === 'csv'));
    this.fileNames = opts.files.map((f) => f.name);
    this.sheetNames = opts.files.map(() => []);
  }

  private report(i: ImportIssue, ref: RowRef): void {
    this.issueCount += 1;
    if (this.issues.length < (this.opts.maxIssues ?? 1000)) this.issues.push(i);
    this.opts.onIssue?.(i);
    if (!this.ledger.isRejected(ref)) {
      this.ledger.reject(ref);
      this.counts.rejected += 1;
    }
  }

  /** A problem of a whole file (unreadable, truncated): reported, nothing of the file is rejected row by row. */
  fileProblem(i: ImportIssue): void {
    this.issueCount += 1;
    if (this.issues.length < (this.opts.maxIssues ?? 1000)) this.issues.push(i);
    this.opts.onIssue?.(i);
  }

  private issue(code: IssueCode, p: Omit<ImportIssue, 'code' | 'reason'>, reason: string, ref: RowRef): void {
    this.report({ code, ...p, reason }, ref);
  }

  private zodIssues(row: NodeRow | EdgeRow, error: z.ZodError, input: Record<string, unknown>): void {
    for (const i of error.issues) {
      const path = i.path.map(String);
      const field = path[0] === 'props' ? `props.${path.slice(1).join('.')}` : path[0] ?? '';
      const column = row.columns.get(field) ?? row.columns.get(`props.${path[1] ?? ''}`) ?? (field || undefined);
      let value: unknown = input;
      for (const k of path) value = (value as Record<string, unknown> | undefined)?.[k];
      const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
      const numeric = i.code === 'too_big' || i.code === 'too_small' || (i.code === 'invalid_type' && (i as { expected?: string }).expected === 'number');
      let code: IssueCode = numeric ? 'NUMBER' : 'VALUE';
      const options = /^Invalid option: expected one of (.*)$/.exec(i.message)?.[1];
      const bound = /^Too (small|big): expected number to be ([<>]=?)(\S+)$/.exec(i.message);
      let reason = options ? `${shown} is not one of: ${options.replace(/"/g, '').split('|').join(', ')}`
        : bound ? `${shown} is ${bound[1] === 'small' ? 'below' : 'above'} the ${bound[1] === 'small' ? 'minimum' : 'maximum'}, ${bound[3]}`
          : `${shown}: ${i.message}`;
      if (field === 'id') [code, reason] = ['ID', `${shown} is not a valid id: ${i.message}`];
      else if (field === 'validFrom' || field === 'validUntil' || field === 'props.year') [code, reason] = ['YEAR', `${shown} is not a plausible year (1800–2100)`];
      else if (field === 'name') code = 'REQUIRED';
      this.issue(code, { ...placeOf(row), ...(column ? { column } : {}) }, reason, refOf(row));
    }
  }

  private years(row: NodeRow | EdgeRow): void {
    if (row.validFrom !== undefined && row.validUntil !== undefined && row.validFrom > row.validUntil) {
      this.issue('YEAR', { ...placeOf(row), column: row.columns.get('validUntil') }, `validUntil ${row.validUntil} is before validFrom ${row.validFrom}`, refOf(row));
    }
  }

  /** Checks one node row; returns it when it is valid so far (references may still reject it). */
  async node(raw: RawRow): Promise<NodeRow | undefined> {
    if (isBareReference(raw)) {
      this.counts.references += 1;
      const id = String(raw.cells.get('id')).trim();
      this.ref(id, raw, 'id');
      return undefined;
    }
    this.counts.nodes += 1;
    if (raw.sheet !== undefined) this.sheetNames[raw.fileIndex]![raw.sheetIndex ?? 0] = raw.sheet;
    const { row, issues } = mapNodeRow(raw);
    for (const i of issues) this.report(i, refOf(raw));
    if (!row) return undefined;
    if (issues.length) {
      if (row.id && !this.ledger.node(row.id)) this.ledger.setNode(row.id, { fileIndex: row.fileIndex, sheetIndex: row.sheetIndex ?? 0, row: row.row, kind: row.kind, rejected: true, existing: false, aggregate: false });
      return undefined;
    }
    if (!plainNode(row)) {
      const input = nodeInput(row);
      const parsed = nodeRecord.safeParse(input);
      if (!parsed.success) this.zodIssues(row, parsed.error, input);
    }
    this.years(row);
    const first = this.ledger.node(row.id);
    if (first) {
      this.issue('DUPLICATE', { ...placeOf(row), column: row.columns.get('id') }, `${row.id} is already declared at ${this.where(first)}: one id, one row`, refOf(row));
      return undefined;
    }
    const rejected = this.ledger.isRejected(refOf(row));
    this.ledger.setNode(row.id, { fileIndex: row.fileIndex, sheetIndex: row.sheetIndex ?? 0, row: row.row, kind: row.kind, rejected, existing: false, aggregate: row.aggregate === true });
    if (rejected) return undefined;
    this.newNodes.push({ id: row.id, kind: row.kind, ref: refOf(row), place: { ...placeOf(row), column: row.columns.get('kind') } });
    // An exported row's link fields (parent, cluster, subject, affects) draw no link (plan.ts `structuralLinks`):
    // like a broker's `between`, they may name entities an export of part of the graph left out, so they are
    // kept as they are rather than checked.
    const p: Record<string, unknown> = row.exported ? {} : row.props;
    const refs: [unknown, string, string[]?][] = [
      [row.country, 'country', ['Place']],
      [row.locatedIn, 'locatedIn', ['Place']],
      [p.parent, 'props.parent', ['Place']],
      [p.cluster, 'props.cluster', ['Cluster']],
      [p.subject, 'props.subject'],
      ...(Array.isArray(p.affects) ? p.affects.map((a): [unknown, string] => [a, 'props.affects']) : []),
    ];
    for (const [id, field, want] of refs) if (typeof id === 'string') this.ref(id, row, row.columns.get(field) ?? field, { want, owner: row.id });
    if (this.newNodes.length >= FLUSH_AT) await this.flushNodes();
    if (this.pending.length >= FLUSH_AT) await this.flushRefs(false);
    return row;
  }

  private where(e: { fileIndex: number; sheetIndex: number; row: number }): string {
    return describePlace({ file: this.fileNames[e.fileIndex] ?? `file ${e.fileIndex + 1}`, sheet: this.sheetNames[e.fileIndex]?.[e.sheetIndex], section: 'nodes', row: e.row });
  }

  /**
   * A reference from `at` (a row) to `id`: resolved now when the target is known, else kept until the
   * database is asked. The place of a problem is built only when there is one (most references are fine).
   */
  private ref(id: string, at: NodeRow | EdgeRow | RawRow, column: string | undefined, more: { want?: string[]; owner?: string } = {}): void {
    // Most references name an accepted row of the import, of a kind they may name: nothing to report, and
    // nothing allocated (a million rows refer to their ends).
    const accepted = this.ledger.acceptedKind(id);
    if (accepted !== undefined && (!more.want || more.want.includes(accepted))) return;
    const known = this.ledger.node(id);
    const db = known ? undefined : this.dbKinds.get(id);
    if (!known && !db) {
      // Not in the database (null) or not asked yet: a later row of the import may still declare it.
      this.pending.push({ id, ...more, ref: refOf(at), place: { ...placeOf(at), ...(column ? { column } : {}) } });
      return;
    }
    const lazy = { id, ...more, get ref() { return refOf(at); }, get place() { return { ...placeOf(at), ...(column ? { column } : {}) }; } };
    if (known) this.resolve(lazy, known.rejected ? 'rejected' : known.kind, known);
    else this.resolve(lazy, db!.kind);
  }

  private resolve(r: Pending, kind: string | 'rejected' | null, at?: { fileIndex: number; sheetIndex: number; row: number }): void {
    if (kind === 'rejected') this.issue('REFERENCE', r.place, `refers to ${r.id}, whose row (${this.where(at!)}) was rejected`, r.ref);
    else if (kind === null) this.issue('REFERENCE', r.place, `refers to ${r.id}, which is neither in this import nor in the database`, r.ref);
    else if (r.want && !r.want.includes(kind)) this.issue('REFERENCE', r.place, `${r.id} is a ${kind}; expected ${r.want.join(' or ')}`, r.ref);
    else return;
    if (r.owner) this.ledger.updateNode(r.owner, { rejected: true });
  }

  /** Asks the database about the ids of the new node rows: an id that names another kind there is an error. */
  private async flushNodes(): Promise<void> {
    const batch = this.newNodes.splice(0, this.newNodes.length);
    if (!batch.length) return;
    const found = await this.opts.lookups.entities(batch.map((n) => n.id));
    for (const n of batch) {
      const db = found.get(n.id);
      if (!db) continue;
      this.counts.existing += 1;
      this.ledger.updateNode(n.id, { existing: true });
      if (db.kind !== n.kind) {
        this.issue('IDENTITY', n.place, `${n.id} is a ${db.kind} in the database but a ${n.kind} here: one id, one thing`, n.ref);
        this.ledger.updateNode(n.id, { rejected: true });
      }
    }
  }

  /** Asks the database about pending references; `final` reports those still unknown as dangling. */
  private async flushRefs(final: boolean): Promise<void> {
    const unknown = [...new Set(this.pending.filter((r) => !this.ledger.node(r.id) && !this.dbKinds.has(r.id)).map((r) => r.id))];
    for (let i = 0; i < unknown.length; i += 5000) {
      const ids = unknown.slice(i, i + 5000);
      const found = await this.opts.lookups.entities(ids);
      for (const id of ids) this.dbKinds.set(id, found.get(id) ?? null);
    }
    const keep: Pending[] = [];
    for (const r of this.pending.splice(0, this.pending.length)) {
      const known = this.ledger.node(r.id);
      const db = this.dbKinds.get(r.id);
      if (known) this.resolve(r, known.rejected ? 'rejected' : known.kind, known);
      else if (db) this.resolve(r, db.kind);
      else if (final) this.resolve(r, null);
      else keep.push(r);
    }
    this.pending.push(...keep);
  }

  /** After the last node row: settles references between nodes. Returns true when a late rejection needs a re-check. */
  async nodesDone(): Promise<boolean> {
    await this.flushNodes();
    const before = this.counts.rejected;
    await this.flushRefs(true);
    return this.counts.rejected > before;
  }

  /**
   * Re-checks an accepted node row's references after late rejections (a row referring to a row that a
   * later reference rejected). Returns true when it rejected the row.
   */
  recheckNode(raw: RawRow): boolean {
    if (this.ledger.isRejected(refOf(raw)) || isBareReference(raw)) return false;
    const { row } = mapNodeRow(raw);
    if (!row) return false;
    const p: Record<string, unknown> = row.exported ? {} : row.props;
    const fields: [unknown, string][] = [[row.country, 'country'], [row.locatedIn, 'locatedIn'], [p.parent, 'props.parent'], [p.cluster, 'props.cluster'], [p.subject, 'props.subject']];
    if (Array.isArray(p.affects)) for (const a of p.affects) fields.push([a, 'props.affects']);
    for (const [id, field] of fields) {
      const target = typeof id === 'string' ? this.ledger.node(id) : undefined;
      if (target?.rejected) {
        this.issue('REFERENCE', { ...placeOf(row), column: row.columns.get(field) ?? field }, `refers to ${String(id)}, whose row (${this.where(target)}) was rejected`, refOf(row));
        this.ledger.updateNode(row.id, { rejected: true });
        return true;
      }
    }
    return false;
  }

  /** Checks one edge row (every node row has been seen). */
  async edge(raw: RawRow): Promise<EdgeRow | undefined> {
    this.counts.edges += 1;
    const { row, issues } = mapEdgeRow(raw);
    for (const i of issues) this.report(i, refOf(raw));
    if (!row || issues.length) return undefined;
    if (!plainEdge(row)) {
      const input = edgeInput(row);
      const parsed = linkRecord.safeParse(input);
      if (!parsed.success) this.zodIssues(row, parsed.error, input);
    }
    this.years(row);
    if (row.id) {
      const first = this.edgeIds.get(row.id);
      if (first) this.issue('DUPLICATE', { ...placeOf(row), column: row.columns.get('id') }, `link id ${row.id} is already used at ${first}`, refOf(row));
      else {
        this.edgeIds.set(row.id, describePlace(row));
        this.explicitEdges.push({ id: row.id, type: row.type, from: row.from, to: row.to, ref: refOf(row), place: { ...placeOf(row), column: row.columns.get('id') } });
      }
    }
    const want = ENDPOINT_KINDS[row.type];
    this.ref(row.from, row, row.columns.get('from'), { want: want?.from });
    this.ref(row.to, row, row.columns.get('to'), { want: want?.to });
    // A broker's `between` names entities without linking them: an export of part of the graph may name ones
    // it left out, so an exported row's `between` is kept as it is rather than checked.
    const between = row.props.between;
    if (Array.isArray(between) && !raw.exported) for (const b of between) this.ref(String(b), row, row.columns.get('props.between'));
    if (row.from === row.to) {
      const self = this.ledger.node(row.from) ?? this.dbKinds.get(row.from) ?? undefined;
      if (self && !(self.aggregate || self.kind === 'Cluster')) {
        this.issue('REFERENCE', { ...placeOf(row), column: row.columns.get('to') }, 'a link from an actor to itself says nothing: check from and to (allowed only for aggregate nodes and clusters)', refOf(row));
      }
    }
    if (this.pending.length >= FLUSH_AT) await this.flushRefs(true);
    if (this.explicitEdges.length >= FLUSH_AT * 5) await this.flushEdges();
    return row;
  }

  /** Link ids the file gives that the database already uses for another relationship: one id, one thing. */
  private async flushEdges(): Promise<void> {
    const batch = this.explicitEdges.splice(0, this.explicitEdges.length);
    if (!batch.length) return;
    const found = await this.opts.lookups.links(batch.map((e) => e.id));
    for (const e of batch) {
      const db = found.get(e.id);
      if (db && (db.type !== e.type || db.from !== e.from || db.to !== e.to)) {
        this.issue('IDENTITY', e.place, `link id ${e.id} already names ${db.type} ${db.from} → ${db.to} in the database: one id, one relationship`, e.ref);
      }
    }
  }

  /** After the last edge row. */
  async finish(): Promise<void> {
    await this.flushRefs(true);
    await this.flushEdges();
  }
}

/** The ledger's reference to a row: a node row, an edge row, or a raw row of either. */
export function refOf(r: { fileIndex: number; sheetIndex?: number; row: number; section?: 'nodes' | 'edges'; type?: string }): RowRef {
  const section = r.section ?? (r.type !== undefined ? 'edges' : 'nodes');
  return { fileIndex: r.fileIndex, ...(r.sheetIndex !== undefined ? { sheetIndex: r.sheetIndex } : {}), row: r.row, section };
}
