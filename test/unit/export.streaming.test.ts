import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ExportEdge, ExportNode } from '../../server/src/modules/export/columns.js';
import { FORMATS, FORMAT_NAMES } from '../../server/src/modules/export/formats/index.js';
import { streamOutput, zipOutput } from '../../server/src/modules/export/output.js';

const node = (page: number, i: number): ExportNode => ({
  id: `firm:p${page}-n${i}`, kind: 'Firm', name: `Firm ${page}.${i}`, country: null, cluster: null,
  properties: { id: `firm:p${page}-n${i}`, kind: 'Firm', name: `Firm ${page}.${i}`, description: 'x'.repeat(200) },
  statements: [{ kind: 'declaration', doc: 'd', lines: [1], quote: 'q', finding: 'own' }],
});

/**
 * A slow reader (a client on a thin line): it takes a chunk only after a pause and holds little. The export
 * must wait for it instead of reading on from the database, so at most a page or two is ever in memory.
 */
function slowReader(): { stream: Writable; bytes: () => number } {
  let bytes = 0;
  const stream = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      setTimeout(done, 1);
    },
  });
  return { stream, bytes: () => bytes };
}

describe('streaming exports', () => {
  for (const format of FORMAT_NAMES) {
    it(`${format}: reads the next page only once the reader has taken the previous ones`, async () => {
      const PAGES = 30;
      const PAGE = 50;
      const reader = slowReader();
      // Bytes the reader had taken when each page was asked for: they must grow with the pages asked.
      const takenWhenAsked: number[] = [];
      async function* nodes(): AsyncGenerator<ExportNode[]> {
        for (let p = 0; p < PAGES; p += 1) {
          takenWhenAsked.push(reader.bytes());
          yield Array.from({ length: PAGE }, (_, i) => node(p, i));
        }
      }
      async function* edges(): AsyncGenerator<ExportEdge[]> {
        yield [{ id: 'l1', type: 'SUPPLIES', source: 'firm:p0-n0', target: 'firm:p0-n1', properties: {} }];
      }
      const output = format === 'csv' ? zipOutput(reader.stream) : streamOutput(reader.stream);
      const counts = await FORMATS[format].write(output, { description: 'd', exportedAt: '2025-01-01T00:00:00Z', selection: {}, sources: [] }, { nodes: nodes(), edges: edges() });
      expect(counts).toEqual({ nodes: PAGES * PAGE, edges: 1 });
      // A page is ~20 kB written; had the export read ahead without waiting, the reader would have taken
      // (almost) nothing when the last pages were asked for.
      const onePage = reader.bytes() / PAGES;
      for (let p = 3; p < PAGES; p += 1) expect(takenWhenAsked[p]!, `page ${p}`).toBeGreaterThan((p - 3) * onePage * (format === 'csv' ? 0.05 : 0.5));
    }, 30_000);
  }
});
