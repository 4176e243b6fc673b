import { describe, expect, it } from 'vitest';
import { errorPlace, fileForUpload } from '../../client/src/panels/importer.js';

// The viewer's import dialog (client/src/panels/importer.ts), its pure parts, without a browser.
describe('the viewer import dialog', () => {
  it('sends text files as text, workbooks and bytes that are not UTF-8 as base64 (the server then says where they are)', () => {
    expect(fileForUpload('nodes.csv', new TextEncoder().encode('id,kind,name\nfirm:a,Firm,Señor A\n'))).toEqual({ name: 'nodes.csv', text: 'id,kind,name\nfirm:a,Firm,Señor A\n' });
    const latin1 = Uint8Array.from([0x69, 0x64, 0x0a, 0x53, 0xf1]); // "id\nS" then ñ in Latin-1
    expect(fileForUpload('nodes.csv', latin1)).toEqual({ name: 'nodes.csv', base64: Buffer.from(latin1).toString('base64') });
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]);
    expect(fileForUpload('network.xlsx', zip)).toEqual({ name: 'network.xlsx', base64: Buffer.from(zip).toString('base64') });
  });

  it('names where an error is: file, sheet and row', () => {
    expect(errorPlace({ code: 'KIND', file: 'nodes.csv', sheet: null, row: 4, column: 'kind', reason: '' })).toBe('nodes.csv row 4');
    expect(errorPlace({ code: 'NUMBER', file: 'net.xlsx', sheet: 'edges', row: 7, column: 'validFrom', reason: '' })).toBe('net.xlsx [edges] row 7');
    expect(errorPlace({ code: 'FILE', file: 'cut.graphml', sheet: null, row: null, column: null, reason: '' })).toBe('cut.graphml');
  });
});
