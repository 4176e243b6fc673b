import { describe, expect, it } from 'vitest';
import { gql, serviceForFile } from '../helpers/db.js';

/**
 * Facts that explain a linkage (what a lead firm keeps, who followed whom, why a tie formed), stored as claims
 * with their source and stated on every entity they name; and a duplicate merged into one entity. Each expected
 * quote is the text of the cited line of the document (seeds/documents/<doc>.txt).
 */
const service = serviceForFile();

interface Source {
  doc: string;
  lines: number[];
  quote: string;
  finding: string;
  kind: string | null;
  claim: string | null;
}
interface E {
  id: string;
  name: string;
  aliases: string[];
  documents: string[];
  sources: Source[];
  links: { type: string; direction: string; other: { id: string } }[];
}
const ENTITY = `query($id: ID!) { entity(id: $id) { id name aliases documents
  sources { doc lines quote finding kind claim }
  links(first: 500) { type direction other { id } } } }`;

async function entity(id: string): Promise<E | null> {
  const r = await gql<{ entity: E | null }>(service(), ENTITY, { id });
  expect(r.errors).toBeUndefined();
  return r.data!.entity;
}
/** The claims of an entity that cite `doc` at `line`. */
async function claimsAt(id: string, doc: string, line: number): Promise<Source[]> {
  const e = await entity(id);
  expect(e, id).toBeTruthy();
  return e!.sources.filter((s) => s.kind === 'claim' && s.doc === doc && s.lines.includes(line));
}

describe('why-facts', () => {
  it('what the lead firm keeps: Segusino held the design and marketing functions, stated on Segusino and on its subcontractors', async () => {
    const quote = 'The small subcontractor workshops operated under conditions defined by the leader of the chain, which held all the strategic design and marketing functions for itself.';
    for (const id of ['firm:segusino', 'firm:chipilo-subcontractors']) {
      const [claim] = await claimsAt(id, 'pietrobelli2004', 508);
      expect(claim, id).toMatchObject({ quote, finding: 'OWN' });
      expect(claim!.claim).toMatch(/kept for itself.*design and marketing/);
    }
  });

  it('what the buyers keep: in the Sinos Valley US chain the buyers impose design, marketing and branding', async () => {
    const claims = await claimsAt('firm:sinos-valley-shoe-producers', 'pietrobelli2004', 473);
    expect(claims.map((c) => c.quote)).toContain('US buyers impose their conditions concerning product design, marketing, and branding on Brazilian producers');
    const why = claims.find((c) => /asymmetrical/.test(c.quote));
    expect(why).toMatchObject({ finding: 'CITED' });
    expect((await claimsAt('buyer:sinos-valley-export-agents', 'pietrobelli2004', 473)).map((c) => c.claim)).toContain(why!.claim);
  });

  it('who followed whom: global suppliers came to Costa Rica following Intel, stated on both', async () => {
    const quote = "Production linkages mainly regard global suppliers coming to Costa Rica to follow Intel's globalization strategy";
    for (const id of ['firm:intel-global-suppliers', 'firm:intel']) {
      const claims = await claimsAt(id, 'pietrobelli2004', 891);
      expect(claims.find((c) => c.quote === quote), id).toMatchObject({ finding: 'CITED', claim: expect.stringMatching(/^Who followed whom/) });
    }
  });

  it('who followed whom: cooperatives follow the Salvadoran investors into the US ethnic market', async () => {
    const claims = await claimsAt('firm:salvadoran-dairy-investors', 'pietrobelli2004', 756);
    expect(claims.map((c) => c.quote)).toEqual(['following the lead of the Salvadorian investors, some cooperatives are attempting to venture into the US ethnic market']);
  });

  it('why a tie formed or broke: the Tijuana cooperation broke up for want of finance; VW shares technology with its first tier only', async () => {
    const [tijuana] = await claimsAt('firm:tijuana-furniture-producers', 'ruizduran1998', 98);
    expect(tijuana!.quote).toBe('as they failed to get access to domestic and international financial support their cooperation break up');
    const vw = (await claimsAt('firm:mexico-auto-sme-suppliers', 'sela2012', 516)).find((c) => /^What the assembler shares/.test(c.claim ?? ''));
    expect(vw!.quote).toBe('second and third level suppliers did not participate on the transfer of information and technology, which takes place between the assembler and the first level suppliers');
    expect(vw!.claim).toMatch(/first-level suppliers/);
  });
});

describe('merged duplicates', () => {
  it('the Nicaraguan cooperatives are one entity carrying the statements of Pietrobelli & Rabellotti and of SELA', async () => {
    expect(await entity('firm:nicaragua-dairy-cooperatives')).toBeNull();
    const coops = (await entity('firm:boaco-chontales-dairy-cooperatives'))!;
    expect(coops.documents.sort()).toEqual(['pietrobelli2004', 'sela2012']);
    expect(coops.aliases).toEqual(expect.arrayContaining(['Semi-industrial milk producers’ cooperatives (Boaco, Chontales)', 'Small local dairy cooperatives of Boaco and Chontales']));
    // One declaration from each reading (text line 750, annex line 2147, SELA line 530) and the why-claims of both documents.
    const declared = coops.sources.filter((s) => s.kind === 'declaration').map((s) => `${s.doc}:${s.lines.join(',')}`);
    expect(declared).toEqual(expect.arrayContaining(['pietrobelli2004:750', 'pietrobelli2004:2147', 'sela2012:530']));
    const claims = coops.sources.filter((s) => s.kind === 'claim');
    expect(claims.some((s) => s.doc === 'sela2012' && s.quote === 'a network-type governance form dominated in the value chain led by local cooperatives')).toBe(true);
    expect(claims.some((s) => s.doc === 'pietrobelli2004' && s.lines.includes(809) && /reliance on Parmalat/.test(s.quote))).toBe(true);
    // Both readings' links now meet on the one node: the chain it leads (annex and SELA) and its sales to the Salvadoran plants (text).
    const leads = coops.links.filter((l) => l.type === 'LEADS' && l.direction === 'OUT').map((l) => l.other.id);
    expect(leads).toEqual(expect.arrayContaining(['chain:boaco-chontales-dairy-cooperatives']));
    expect(leads.length).toBeGreaterThanOrEqual(2);
    expect(coops.links.some((l) => l.type === 'SELLS_TO' && l.direction === 'OUT' && l.other.id === 'firm:salvadoran-dairy-investors')).toBe(true);
  });

  it('CVRD and Vale do Rio Doce are one firm; Berry’s and SELA’s Japanese subcontractors are one group', async () => {
    expect(await entity('firm:vale')).toBeNull();
    const cvrd = (await entity('firm:cvrd'))!;
    expect(cvrd.aliases).toEqual(expect.arrayContaining(['Companhia Vale do Rio Doce', 'Vale do Rio Doce']));
    expect(cvrd.documents.sort()).toEqual(['pietrobelli2004', 'sela2012']);
    const japan = (await entity('firm:japan-smes'))!;
    expect(japan.documents.sort()).toEqual(['berry1997', 'sela2012']);
    const docsOfClaims = new Set(japan.sources.filter((s) => s.kind === 'claim').map((s) => s.doc));
    expect([...docsOfClaims].sort()).toEqual(['berry1997', 'sela2012']);
  });
});
