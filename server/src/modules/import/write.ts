import type { Executor, Tx } from '../../neo4j/executor.js';
import { isBareReference, mapEdgeRow, mapNodeRow } from './columns.js';
import type { ProgressEvent } from './check.js';
import { sectionRows } from './files.js';
import type { Ledger } from './ledger.js';
import type { EdgeRow, ImportFile, NodeRow } from './model.js';
import { refOf } from './validate.js';
import { linkIdOf, planEdges, planNodes, statementKey, type Conflict, type Existing, type ImportKey, type LinkWrite, type Update } from './plan.js';
import { importStatements as S } from './statements.js';

/** What an import changed (or, in a dry run, would change). Lists are cut at `sample` items; counts are whole. */
export interface Changes {
  nodesCreated: number;
  nodesUpdated: number;
  statementsAdded: number;
  linksCreated: number;
  conflictCount: number;
  newNodes: string[];
  updatedNodes: Update[];
  newLinks: { id: string; type: string; from: string; to: string }[];
  conflicts: Conflict[];
}

export const emptyChanges = (): Changes => ({ nodesCreated: 0, nodesUpdated: 0, statementsAdded: 0, linksCreated: 0, conflictCount: 0, newNodes: [], updatedNodes: [], newLinks: [], conflicts: [] });

/** What one batch changes. */
interface BatchChanges { created?: string[]; updated?: Update[]; statements?: number; links?: { id: string; type: string; from: string; to: string }[]; conflicts?: Conflict[] }

/** Adds one batch's changes to the running totals. */
function add(into: Changes, c: BatchChanges, sample: number): void {
  const take = <T>(list: T[], more: T[] = []) => list.push(...more.slice(0, Math.max(0, sample - list.length)));
  into.nodesCreated += c.created?.length ?? 0;
  into.nodesUpdated += c.updated?.length ?? 0;
  into.statementsAdded += c.statements ?? 0;
  into.linksCreated += c.links?.length ?? 0;
  into.conflictCount += c.conflicts?.length ?? 0;
  take(into.newNodes, c.created);
  take(into.updatedNodes, c.updated);
  take(into.newLinks, c.links?.map((l) => ({ id: l.id, type: l.type, from: l.from, to: l.to })));
  take(into.conflicts, c.conflicts);
}

/** How the write pass runs: in one transaction, or in batches each committed on its own. */
export interface WriteOptions {
  executor: Executor;
  files: ImportFile[];
  ledger: Ledger;
  k: ImportKey;
  dryRun: boolean;
  /** Rows per statement (and per transaction when batched). */
  batchRows: number;
  /** One transaction for the whole import (all or nothing), or one per batch (resumable). */
  oneTransaction: boolean;
  /** Valid rows already committed by an interrupted run of the same import: skipped. */
  skipRows: number;
  /** The import's source exists already (an interrupted run): any row may be written already, so each is looked up. */
  resuming: boolean;
  totalRows: number;
  sample: number;
  /** Runs first, in the transaction of the first batch (registers the import's source). */
  onStart?: (tx: Tx) => Promise<void>;
  /** Runs in each batch's transaction, after its writes (records progress on the import's source). */
  onBatch?: (tx: Tx, committedRows: number, changes: Changes) => Promise<void>;
  /** Runs last, in a transaction of its own when batched (marks the import complete). */
  onDone?: (tx: Tx, changes: Changes) => Promise<void>;
  onProgress?: (p: ProgressEvent) => void;
}

/**
 * Batches read one ahead: `ahead()` starts reading and mapping the next batch, which then runs in this process
 * while the database works on the current one. The write pass calls it once a batch's statements are sent,
 * not before: reading earlier would hold up the transaction's start (the answer to BEGIN waits behind the
 * parsing on this one thread) while the database sits idle.
 */
interface Lookahead<T> {
  next(): Promise<IteratorResult<T>>;
  ahead(): void;
  close(): Promise<unknown>;
}

function lookahead<T>(source: AsyncGenerator<T>): Lookahead<T> {
  let pending: Promise<IteratorResult<T>> | undefined;
  const ahead = () => {
    if (pending) return;
    pending = source.next();
    pending.catch(() => undefined); // a failure is rethrown when this batch is awaited, not reported twice
  };
  return {
    ahead,
    next: async () => {
      ahead();
      const r = await pending!;
      pending = undefined;
      return r;
    },
    close: () => source.return(undefined),
  };
}

/** Each batch of `source` in turn, handed to `each` with the lookahead's `ahead` (see `lookahead`). */
async function eachBatch<T>(source: AsyncGenerator<T>, each: (batch: T, ahead: () => void) => Promise<void>): Promise<void> {
  const batches = lookahead(source);
  try {
    for (let r = await batches.next(); !r.done; r = await batches.next()) await each(r.value, batches.ahead);
  } finally {
    await batches.close();
  }
}

/** The valid rows of a section, mapped again (rows are never kept between the passes), in batches. */
async function* batchesOf<T extends NodeRow | EdgeRow>(o: WriteOptions, section: 'nodes' | 'edges'): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const raw of sectionRows(o.files, section)) {
    if (o.ledger.isRejected(refOf(raw)) || isBareReference(raw)) continue;
    const { row } = section === 'nodes' ? mapNodeRow(raw) : mapEdgeRow(raw);
    if (!row) continue;
    if (section === 'nodes') {
      // A second row with an id already declared was rejected as a duplicate; the ledger holds the first.
      const e = o.ledger.node((row as NodeRow).id);
      if (!e || e.fileIndex !== row.fileIndex || e.sheetIndex !== (row.sheetIndex ?? 0) || e.row !== row.row) continue;
    }
    batch.push(row as T);
    if (batch.length >= o.batchRows) yield batch.splice(0, batch.length);
  }
  if (batch.length) yield batch;
}

/**
 * Writes (or, in a dry run, plans) the valid rows: entities first, then the structural links that had to
 * wait for a later entity, then relationships. Each batch reads what the database holds for its rows in the
 * same transaction as its writes, so the plan and the write see the same data.
 */
export async function writeImport(o: WriteOptions): Promise<Changes> {
  const run = async (within: (work: (tx: Tx) => Promise<void>) => Promise<void>) => {
    const changes = emptyChanges();
    const deferred: LinkWrite[] = [];
    let done = 0;
    let started = false;
    /**
     * One batch: `work` plans it, adds its changes and sends its writes without waiting for them; the
     * progress record follows in the same transaction, and all are awaited together (the driver pipelines
     * them on the connection: one wait per batch instead of one per statement).
     */
    const step = async (rows: number, ahead: () => void, work: (tx: Tx) => Promise<{ sent: Promise<unknown>[]; batch: BatchChanges }>) => {
      const skipped = done + rows <= o.skipRows;
      done += rows;
      let batch: BatchChanges = {};
      if (!skipped) await within(async (tx) => {
        if (!started && !o.dryRun) await o.onStart?.(tx);
        started = true;
        const r = await work(tx);
        ahead();
        batch = r.batch;
        // The totals with this batch, recorded in its transaction; kept only once it commits (the driver may
        // run a batch again after a transient failure).
        const totals = { ...changes, newNodes: [...changes.newNodes], updatedNodes: [...changes.updatedNodes], newLinks: [...changes.newLinks], conflicts: [...changes.conflicts] };
        add(totals, batch, o.sample);
        if (!o.dryRun && o.onBatch) r.sent.push(o.onBatch(tx, done, totals));
        await Promise.all(r.sent);
      });
      add(changes, batch, o.sample);
      o.onProgress?.({ phase: 'writing', rows: done, fraction: o.totalRows ? done / o.totalRows : 1 });
    };
    /** A batch's plan, given what the database holds of its rows (nothing, for new ids). */
    const planOf = (rows: NodeRow[], existing = new Map<string, Existing>()) => planNodes({ rows, existing, k: o.k, later: (id) => o.ledger.declaredAfter(id, rows.at(-1)!) });
    // Which rows the database may hold already (ids it had before the import, or any row when resuming);
    // when there are none, the batch is planned while it is read ahead, off the write's path.
    const nodeBatches = async function* () {
      for await (const rows of batchesOf<NodeRow>(o, 'nodes')) {
        const ids = rows.filter((r) => o.ledger.node(r.id)?.existing || o.resuming).map((r) => ({ id: r.id, statement: statementKey(o.k, r) }));
        yield { rows, ids, plan: ids.length ? undefined : planOf(rows) };
      }
    };
    await eachBatch(nodeBatches(), async ({ rows, ids, plan: ready }, ahead) => {
      if (done + rows.length <= o.skipRows) {
        // Committed before an interruption: only their waiting structural links are wanted again (drawn once).
        deferred.push(...(ready ?? planOf(rows)).deferred);
      }
      let planned: ReturnType<typeof planNodes> | undefined;
      await step(rows.length, ahead, async (tx) => {
        let plan = ready;
        if (!plan) {
          const existing = new Map<string, Existing>();
          for (const e of await tx.run(S.existingNodes, { rows: ids })) existing.set(e.id, { props: e.props, stated: e.stated, structural: new Set(e.structural) });
          plan = planOf(rows, existing);
        }
        planned = plan;
        const batch = { created: plan.created, updated: plan.updated, statements: plan.writes.length, links: [...plan.structural, ...plan.deferred], conflicts: plan.conflicts };
        if (o.dryRun) return { sent: [], batch };
        // Rows as lists (see createNodes.cypher): no key names sent and packed for each of a million rows.
        const fresh = plan.writes.filter((w) => w.create).map(({ kind, set, statement: st }) => [kind, set, st.key, (st.lines as number[])[0], st.quote, st.claim ?? null]);
        const known = plan.writes.filter((w) => !w.create).map(({ id, set, statement }) => ({ id, set, statement }));
        // In this order on the connection: structural links need their entities.
        const sent = [
          ...(fresh.length ? [tx.run(S.createNodes, { key: o.k.key, rows: fresh })] : []),
          ...(known.length ? [tx.run(S.writeNodes, { key: o.k.key, rows: known })] : []),
          ...(plan.structural.length ? [tx.run(S.writeStructural, { rows: plan.structural })] : []),
        ];
        return { sent, batch };
      });
      // Once, from the plan of the attempt that committed (the driver may run a batch again).
      if (planned) deferred.push(...planned.deferred);
    });
    for (let i = 0; !o.dryRun && i < deferred.length; i += o.batchRows) {
      const rows = deferred.slice(i, i + o.batchRows);
      await within(async (tx) => void (await tx.run(S.writeStructural, { rows })));
    }
    // Relationships the database may hold already (rows with their own id, or any row when resuming); when
    // there are none, planned ahead as entities are.
    const edgeBatches = async function* () {
      for await (const rows of batchesOf<EdgeRow>(o, 'edges')) {
        const ask = rows.filter((r) => r.id || o.resuming).map((r) => ({ id: linkIdOf(r, o.k), from: r.from }));
        yield { rows, ask, plan: ask.length ? undefined : planEdges({ rows, existing: new Map(), k: o.k }) };
      }
    };
    await eachBatch(edgeBatches(), async ({ rows, ask, plan: ready }, ahead) => {
      await step(rows.length, ahead, async (tx) => {
        const plan = ready ?? planEdges({ rows, existing: new Map((await tx.run(S.existingLinks, { rows: ask })).map((f) => [f.id, f])), k: o.k });
        const batch = { links: plan.writes, conflicts: plan.conflicts };
        if (o.dryRun) return { sent: [], batch };
        const sent = [
          // Rows as lists (see writeLinks.cypher): no key names sent and packed for each of a million rows.
          ...(plan.writes.length ? [tx.run(S.writeLinks, { key: o.k.key, rows: plan.writes.map((w) => [w.type, w.from, w.to, w.id, w.row, w.quote, w.props]) })] : []),
          ...(plan.annotations.length ? [tx.run(S.annotateLinks, { rows: plan.annotations })] : []),
        ];
        return { sent, batch };
      });
    });
    if (!o.dryRun) await within((tx) => o.onDone?.(tx, changes) ?? Promise.resolve());
    return changes;
  };

  if (o.oneTransaction || o.dryRun) {
    // One transaction; the driver may run the work again after a transient failure, so it starts afresh each time.
    const mode = o.dryRun ? 'readTx' : 'writeTx';
    let result = emptyChanges();
    await o.executor[mode](async (tx) => {
      result = await run(async (work) => work(tx));
    }, 'importNetwork');
    return result;
  }
  return run((work) => o.executor.writeTx(work, 'importNetwork.batch'));
}
