import { describe, expect, it } from 'vitest';
import { FileProblem } from '../../server/src/modules/import/decode.js';
import { fileInMemory } from '../../server/src/modules/import/files.js';
import type { RawRow } from '../../server/src/modules/import/model.js';
import { sniffDelimiter } from '../../server/src/modules/import/parsers/csv.js';
import { formatOfName, readRows } from '../../server/src/modules/import/parsers/index.js';

async function rows(name: string, text: string | Uint8Array, opts: { encoding?: string } = {}): Promise<RawRow[]> {
  const out: RawRow[] = [];
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  for await (const r of readRows(fileInMemory(name, bytes, opts), 0)) out.push(r);
  return out;
}
const cells = (r: RawRow) => Object.fromEntries(r.cells);

describe('the CSV reader', () => {
  it('reads a nodes file: header names the columns, rows numbered as a spreadsheet numbers them', async () => {
    const r = await rows('nodes.csv', '\uFEFFid,kind,name\r\nfirm:a,Firm,"A, Inc."\r\n\r\nfirm:b,Firm,"B ""the best"""\r\n');
    expect(r.map((x) => [x.section, x.row, cells(x)])).toEqual([
      ['nodes', 2, { id: 'firm:a', kind: 'Firm', name: 'A, Inc.' }],
      ['nodes', 3, { id: 'firm:b', kind: 'Firm', name: 'B "the best"' }],
    ]);
  });

  it('tells edges by their from and to (or source and target) columns, and reads semicolon-separated files', async () => {
    const r = await rows('any.csv', 'Source;Target;Type\nfirm:a;firm:b;SUPPLIES\n');
    expect(r.map((x) => [x.section, cells(x)])).toEqual([['edges', { Source: 'firm:a', Target: 'firm:b', Type: 'SUPPLIES' }]]);
    expect(sniffDelimiter('id\tkind\tname')).toBe('\t');
    expect(sniffDelimiter('"a;b",c,d')).toBe(',');
  });

  it('returns a row with fewer or more cells than the header with its width, for the mapper to report', async () => {
    const r = await rows('nodes.csv', 'id,kind,name\nfirm:a,Firm\nfirm:b,Firm,B,extra\n');
    expect(r.map((x) => x.width)).toEqual([{ cells: 2, header: 3 }, { cells: 4, header: 3 }]);
  });

  it('stops at a quote that is never closed, naming the row it opens in', async () => {
    const err = await rows('nodes.csv', 'id,kind,name\nfirm:a,Firm,A\nfirm:b,Firm,"B and\n').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileProblem);
    expect((err as FileProblem).place).toEqual({ row: 3 });
    expect((err as Error).message).toBe('the file ends inside a quoted cell: it is truncated, or a quote is not closed');
  });

  it('decodes latin1 when told, UTF-16 by its byte-order mark, and turns bytes that are not UTF-8 into U+FFFD', async () => {
    const latin1 = Buffer.from('id,kind,name\nplace:x,Place,Córdoba\n', 'latin1');
    expect(cells((await rows('n.csv', latin1, { encoding: 'latin1' }))[0]!).name).toBe('Córdoba');
    expect(cells((await rows('n.csv', latin1))[0]!).name).toBe('C\uFFFDrdoba');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,kind,name\nplace:x,Place,São Paulo\n', 'utf16le')]);
    expect(cells((await rows('n.csv', utf16))[0]!).name).toBe('São Paulo');
  });
});

describe('the GraphML and GEXF readers', () => {
  it('reads GraphML keys by attr.name, typed as declared, with defaults', async () => {
    const xml = `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
      <key id="d0" for="node" attr.name="kind" attr.type="string"><default>Firm</default></key>
      <key id="d1" for="node" attr.name="validFrom" attr.type="long"/>
      <key id="d2" for="edge" attr.name="type" attr.type="string"/>
      <graph edgedefault="directed">
        <node id="firm:a"><data key="d1">1990</data></node>
        <node id="firm:b"><data key="d0">Buyer</data></node>
        <edge id="e0" source="firm:a" target="firm:b"><data key="d2">SELLS_TO</data></edge>
      </graph></graphml>`;
    const r = await rows('g.graphml', xml);
    expect(r.map((x) => [x.section, x.row, x.line, cells(x)])).toEqual([
      ['nodes', 1, 6, { id: 'firm:a', validFrom: 1990, kind: 'Firm' }],
      ['nodes', 2, 7, { id: 'firm:b', kind: 'Buyer' }],
      ['edges', 1, 8, { from: 'firm:a', to: 'firm:b', type: 'SELLS_TO' }],
    ]);
  });

  it('reads GEXF attributes by title, the node label, and an edge type that is a relationship type, not its directedness', async () => {
    const xml = `<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph defaultedgetype="directed">
      <attributes class="node"><attribute id="0" title="kind" type="string"/></attributes>
      <nodes><node id="firm:a" label="Firm A"><attvalues><attvalue for="0" value="Firm"/></attvalues></node></nodes>
      <edges><edge id="0" source="firm:a" target="firm:b" type="SUPPLIES"/><edge id="1" source="firm:a" target="firm:b" type="directed" weight="2.5"/></edges>
      </graph></gexf>`;
    const r = await rows('g.gexf', xml);
    expect(r.map(cells)).toEqual([
      { id: 'firm:a', label: 'Firm A', kind: 'Firm' },
      { from: 'firm:a', to: 'firm:b', type: 'SUPPLIES' },
      { from: 'firm:a', to: 'firm:b', weight: 2.5 },
    ]);
  });

  it('refuses a file whose root is not the format it claims', async () => {
    await expect(rows('g.gexf', '<graphml></graphml>')).rejects.toThrow('not a GEXF file: its root element is <graphml>, not <gexf>');
  });
});

describe('the JSON reader', () => {
  it('reads nodes with props, and networkx node-link links', async () => {
    const r = await rows('n.json', JSON.stringify({ nodes: [{ id: 'firm:a', kind: 'Firm', name: 'A', props: { roles: ['sme'] } }], links: [{ source: 'firm:a', target: 'firm:b', type: 'SUPPLIES' }] }));
    expect(r.map((x) => [x.section, x.row, cells(x)])).toEqual([
      ['nodes', 1, { id: 'firm:a', kind: 'Firm', name: 'A', 'props.roles': ['sme'] }],
      ['edges', 1, { source: 'firm:a', target: 'firm:b', type: 'SUPPLIES' }],
    ]);
  });

  it('names the line where a truncated file ends', async () => {
    const err = await rows('n.json', '{"nodes": [\n{"id": "firm:a",\n"kind": "Fi').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileProblem);
    expect((err as Error).message).toMatch(/^the JSON ends too early \(a truncated file\?\)/);
  });
});

describe('formats by file name', () => {
  it('knows each format by its extension', () => {
    expect(['a.csv', 'b.TSV', 'c.xlsx', 'd.json', 'e.graphml', 'f.gexf', 'g.doc'].map(formatOfName)).toEqual(['csv', 'csv', 'xlsx', 'json', 'graphml', 'gexf', undefined]);
  });
});
