import { NODE_KINDS } from '../../domain/enums.js';
import type { RowRef } from './model.js';

/** What the import knows about one of its node ids, packed into one number so a million ids stay small. */
export interface NodeEntry {
  fileIndex: number;
  sheetIndex: number;
  row: number;
  /** The kind, or '' when the row named none that exists. */
  kind: string;
  rejected: boolean;
  /** The id already names an entity in the database. */
  existing: boolean;
  aggregate: boolean;
}

const FLAG_REJECTED = 1;
const FLAG_EXISTING = 2;
const FLAG_AGGREGATE = 4;

/**
 * The node ids of an import (about 80 bytes each) and which rows were rejected: the only state that grows
 * with the size of an import. Rows themselves are never kept; they are read again. A CSV file holds one
 * table, so its rejected rows are one bit each; the rows of other formats (sheets, nodes and edges in one
 * file) are kept by sheet, section and row.
 */
export class Ledger {
  private readonly nodes = new Map<string, number>();
  private readonly bits: Uint8Array[] = [];
  private readonly keys: Set<number>[] = [];

  /** `oneTable[i]`: file i is a CSV file (one table, rows numbered once). */
  constructor(private readonly oneTable: boolean[]) {}

  private static pack(e: NodeEntry): number {
    const flags = (e.rejected ? FLAG_REJECTED : 0) | (e.existing ? FLAG_EXISTING : 0) | (e.aggregate ? FLAG_AGGREGATE : 0);
    const kind = NODE_KINDS.indexOf(e.kind as never);
    return (((e.row * 256 + e.sheetIndex) * 256 + e.fileIndex) * 16 + (kind < 0 ? 15 : kind)) * 8 + flags;
  }

  private static unpack(v: number): NodeEntry {
    const flags = v % 8;
    let rest = Math.floor(v / 8);
    const kind = NODE_KINDS[rest % 16] ?? '';
    rest = Math.floor(rest / 16);
    const fileIndex = rest % 256;
    rest = Math.floor(rest / 256);
    const sheetIndex = rest % 256;
    const row = Math.floor(rest / 256);
    return { fileIndex, sheetIndex, row, kind, rejected: (flags & FLAG_REJECTED) !== 0, existing: (flags & FLAG_EXISTING) !== 0, aggregate: (flags & FLAG_AGGREGATE) !== 0 };
  }

  get size(): number {
    return this.nodes.size;
  }

  node(id: string): NodeEntry | undefined {
    const v = this.nodes.get(id);
    return v === undefined ? undefined : Ledger.unpack(v);
  }

  /**
   * The kind of the node `id` ('' when its row named none that exists) when it is known and not rejected,
   * else undefined: the common case of a reference, answered without building a NodeEntry.
   */
  acceptedKind(id: string): string | undefined {
    const v = this.nodes.get(id);
    if (v === undefined || (v % 8) & FLAG_REJECTED) return undefined;
    return NODE_KINDS[Math.floor(v / 8) % 16] ?? '';
  }

  setNode(id: string, e: NodeEntry): void {
    this.nodes.set(id, Ledger.pack(e));
  }

  updateNode(id: string, change: Partial<NodeEntry>): void {
    const e = this.node(id);
    if (e) this.setNode(id, { ...e, ...change });
  }

  private static key(r: RowRef): number {
    return (r.row * 256 + (r.sheetIndex ?? 0)) * 2 + (r.section === 'edges' ? 1 : 0);
  }

  reject(r: RowRef): void {
    if (!this.oneTable[r.fileIndex]) {
      (this.keys[r.fileIndex] ??= new Set()).add(Ledger.key(r));
      return;
    }
    let bits = this.bits[r.fileIndex];
    const byte = r.row >> 3;
    if (!bits || bits.length <= byte) {
      const grown = new Uint8Array(Math.max(byte + 1, (bits?.length ?? 0) * 2, 1024));
      if (bits) grown.set(bits);
      bits = grown;
      this.bits[r.fileIndex] = bits;
    }
    bits[byte]! |= 1 << (r.row & 7);
  }

  isRejected(r: RowRef): boolean {
    if (!this.oneTable[r.fileIndex]) return this.keys[r.fileIndex]?.has(Ledger.key(r)) ?? false;
    const bits = this.bits[r.fileIndex];
    const byte = r.row >> 3;
    return !!bits && byte < bits.length && (bits[byte]! & (1 << (r.row & 7))) !== 0;
  }

  /** Whether the node `id` is new to the database and declared by a row after `at`, in the order rows are written. */
  declaredAfter(id: string, at: { fileIndex: number; sheetIndex?: number; row: number }): boolean {
    const e = this.node(id);
    if (!e || e.existing) return false;
    const order = (x: { fileIndex: number; sheetIndex?: number; row: number }) => [x.fileIndex, x.sheetIndex ?? 0, x.row];
    const [a, b] = [order(e), order(at)];
    for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i]! > b[i]!;
    return false;
  }
}
