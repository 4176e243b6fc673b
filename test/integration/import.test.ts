import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fileOnDisk } from '../../server/src/modules/import/files.js';
import { runImport } from '../../server/src/modules/import/service.js';
import { undoImport } from '../../server/src/modules/import/undo.js';
import { serviceForFile } from '../helpers/db.js';
import { cleanImports, fingerprint, fixtureFiles, IMPORTER } from '../helpers/importing.js';

const service = serviceForFile();
const MARK = ':test-imp-';
const executor = () => service().executor;
const one = async (cypher: string, params: Record<string, unknown> = {}) => (await executor().runText(cypher, params, 'READ'))[0]!;

beforeEach(async () => cleanImports(executor(), MARK));
afterAll(async () => cleanImports(executor(), MARK));

describe('importing a CSV network (nodes.csv and edges.csv)', () => {
  it('writes every entity and relationship with the import as their source', async () => {
    const report = await runImport(executor(), { files: fixtureFiles('network'), who: IMPORTER });
    expect(report.status).toBe('WRITTEN');
    expect(report.errors).toEqual([]);
    expect(report.rows).toEqual({ total: 12, nodes: 6, edges: 6, references: 0, valid: 12, rejected: 0, committed: 12 });
    // 6 entities; 6 relationships from edges.csv plus the LOCATED_IN links that country and locatedIn imply:
    // place (1: country = parent), cluster (2), maderas (2), talleres (1), centre (1) = 7.
    expect(report.changes).toMatchObject({ nodesCreated: 6, nodesUpdated: 0, statementsAdded: 6, linksCreated: 13, conflictCount: 0 });
    const maderas = await one("MATCH (n:Firm {id: 'firm:test-imp-maderas'}) RETURN properties(n) AS p");
    expect(maderas.p).toMatchObject({
      name: 'Maderas Prueba S.A.', kind: 'Firm', aliases: ['Maderas', 'MPSA'], roles: ['lead_firm', 'large_firm'], sector: 'furniture',
      validFrom: 1987, validUntil: 2003, employees: 250, origin: 'import', sources: [report.importId],
    });
    const stated = await one("MATCH (:Entity {id: 'firm:test-imp-maderas'})-[p:STATED_IN]->(s:Source) RETURN properties(p) AS p, s.title AS title");
    expect(stated.title).toBe('nodes.csv, edges.csv');
    expect(stated.p).toMatchObject({ doc: report.importId, lines: [4], kind: 'declaration', created: true });
    expect(String((stated.p as { quote: string }).quote)).toMatch(/^Maderas Prueba S\.A\. \(aliases=Maderas\|MPSA; country=place:mexico; locatedIn=place:test-imp-valle;/);
    const link = await one("MATCH (:Entity {id: 'firm:test-imp-talleres'})-[l:SUBCONTRACTOR_OF]->(:Entity {id: 'firm:test-imp-maderas'}) RETURN properties(l) AS p");
    expect(link.p).toMatchObject({ what: 'assembled chairs', validFrom: 1987, validUntil: 2003, source_doc: report.importId, source_lines: [2], origin: 'import' });
    const supports = await one("MATCH (:Entity {id: 'institution:test-imp-centre'})-[l:SUPPORTS]->() RETURN l.supportType AS t");
    expect(supports.t).toEqual(['training', 'technical']);
    const seeded = await one("MATCH (:Entity {id: 'firm:test-imp-talleres'})-[:MEMBER_OF]->(c:Entity) RETURN c.id AS c");
    expect(seeded.c).toBe('cluster:chipilo-furniture');
  });

  it('writes nothing in a dry run, and reports exactly what the import then does', async () => {
    const before = await fingerprint(executor(), MARK);
    const dry = await runImport(executor(), { files: fixtureFiles('network'), who: IMPORTER, dryRun: true });
    expect(dry.status).toBe('DRY_RUN');
    expect(await fingerprint(executor(), MARK)).toBe(before);
    const real = await runImport(executor(), { files: fixtureFiles('network'), who: IMPORTER });
    expect(real.changes).toEqual(dry.changes);
    expect(dry.changes.newNodes).toContain('firm:test-imp-maderas');
  });

  it('changes nothing when the same files are imported again', async () => {
    const first = await runImport(executor(), { files: fixtureFiles('network'), who: IMPORTER });
    const after = await fingerprint(executor(), MARK);
    const again = await runImport(executor(), { files: fixtureFiles('network'), who: IMPORTER });
    expect(again.status).toBe('UNCHANGED');
    expect(again.importId).toBe(first.importId);
    expect(await fingerprint(executor(), MARK)).toBe(after);
  });

  it('is undone whole: the database is as before the import', async () => {
    const before = await fingerprint(executor(), MARK);
    const report = await runImport(executor(), { files: fixtureFiles('network'), who: IMPORTER });
    const undo = await undoImport(executor(), { id: report.importId, who: IMPORTER });
    expect(undo).toMatchObject({ entitiesDeleted: 6, linksDeleted: 13, entitiesKept: 0, entitiesRestored: 0 });
    expect(await fingerprint(executor(), MARK)).toBe(before);
    const [chipilo] = await executor().runText("MATCH (c:Entity {id: 'cluster:chipilo-furniture'}) RETURN c.id AS id", {}, 'READ');
    expect(chipilo?.id).toBe('cluster:chipilo-furniture');
  });

  it('accepts the downloadable templates as they are (templates/import/)', async () => {
    const files = ['nodes.csv', 'edges.csv'].map((n) => fileOnDisk(`templates/import/${n}`));
    const r = await runImport(executor(), { files, who: IMPORTER, dryRun: true });
    expect(r.errors).toEqual([]);
    expect(r.changes).toMatchObject({ nodesCreated: 6, linksCreated: 5 + 8 });
  });
});
