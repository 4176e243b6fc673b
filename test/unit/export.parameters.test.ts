import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../server/src/errors.js';
import { parseExportParameters } from '../../server/src/modules/export/parameters.js';

/** The error a call throws, for checking its field and message. */
function failure(params: Record<string, unknown>): BadInputError {
  try {
    parseExportParameters(params);
  } catch (err) {
    if (err instanceof BadInputError) return err;
    throw err;
  }
  throw new Error(`no error for ${JSON.stringify(params)}`);
}

describe('export parameters in text (the query string of GET /export, the flags of kg export)', () => {
  it('reads a cluster export with lists given comma-separated or repeated, names matched whatever their case', () => {
    expect(parseExportParameters({ format: 'GEXF', cluster: 'cluster:x', types: ['supplies,sells-to', 'COOPERATES_WITH'], kinds: 'firm,value_chain', year: '1998' })).toEqual({
      format: 'gexf',
      selection: { cluster: 'cluster:x', types: ['SUPPLIES', 'SELLS_TO', 'COOPERATES_WITH'], kinds: ['Firm', 'ValueChain'], year: 1998 },
    });
  });

  it('reads a neighbourhood and leaves out what was not given', () => {
    expect(parseExportParameters({ format: 'graphml', ids: 'firm:a, firm:b', hops: '2', exclude: 'firm:c' })).toEqual({
      format: 'graphml',
      selection: { ids: ['firm:a', 'firm:b'], hops: 2, exclude: ['firm:c'] },
    });
  });

  it('asks for a format, naming the formats', () => {
    expect(failure({}).field).toBe('format');
    expect(failure({ format: 'xlsx' }).message).toBe('format: "xlsx" is not one of csv, json, gexf, graphml.');
  });

  it('names the parameter that is not a whole number, or given twice', () => {
    expect(failure({ format: 'csv', hops: 'two' })).toMatchObject({ field: 'hops', message: 'hops must be a whole number, got "two".' });
    expect(failure({ format: 'csv', year: '1998.5' }).field).toBe('year');
    expect(failure({ format: 'csv', cluster: ['cluster:a', 'cluster:b'] })).toMatchObject({ field: 'cluster', message: 'cluster: give one value, not 2.' });
  });

  it('names unknown relationship types and kinds with the allowed ones', () => {
    const t = failure({ format: 'json', types: 'SUPPLIES,LIKES' });
    expect(t.field).toBe('types');
    expect(t.message).toMatch(/^types: LIKES is not one of SUPPLIES, SUBCONTRACTOR_OF/);
    expect(failure({ format: 'json', kinds: 'Firm,Robot' }).message).toMatch(/^kinds: Robot is not one of Cluster, Firm/);
  });

  it('refuses an unknown parameter by name (a typo must not silently export the whole graph)', () => {
    expect(failure({ format: 'csv', clsuter: 'cluster:x' })).toMatchObject({ field: 'clsuter', message: expect.stringMatching(/^clsuter: not an export parameter; the parameters are format, cluster, ids/) });
  });

  it('refuses values that are not text (a nested query-string object)', () => {
    expect(failure({ format: 'csv', ids: { a: 'b' } }).field).toBe('ids');
  });
});
