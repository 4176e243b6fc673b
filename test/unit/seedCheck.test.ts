import { describe, expect, it } from 'vitest';
import { seedCheck } from '../../server/src/modules/seeds/check.js';
import { buildGraph } from '../../server/src/modules/seeds/merge.js';
import { formatProblem } from '../../server/src/modules/seeds/read.js';
import { seedFolder, SRC1, SRC2 } from '../fixtures/seeds.js';

const problemsOf = (files: Record<string, string>) => seedCheck(seedFolder(files)).problems.map(formatProblem);

describe('seed check', () => {
  it('accepts a clean file', () => {
    const root = seedFolder({
      'a/a.yaml': `nodes:\n  - { id: "firm:segusino", kind: Firm, name: Segusino, props: { roles: [lead_firm] }, source: ${SRC1} }\n  - { id: "buyer:us-buyers", kind: Buyer, name: US buyers, aggregate: true, source: ${SRC2} }\nlinks:\n  - { type: SELLS_TO, from: "firm:segusino", to: "buyer:us-buyers", source: ${SRC2} }\n`,
    });
    expect(seedCheck(root).problems).toEqual([]);
  });

  it('names file, record and field for an unknown enumeration value', () => {
    const p = problemsOf({ 'a/a.yaml': `nodes:\n  - { id: "firm:x", kind: Firm, name: X, props: { roles: [giant] }, source: ${SRC1} }\n` });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^a\/a\.yaml nodes\[0\] firm:x \.props\.roles\.0: Invalid option: expected one of "sme"\|/);
  });

  it('reports a dangling reference', () => {
    const p = problemsOf({ 'a/a.yaml': `nodes:\n  - { id: "firm:x", kind: Firm, name: X, source: ${SRC1} }\nlinks:\n  - { type: SUPPLIES, from: "firm:x", to: "firm:nowhere", source: ${SRC1} }\n` });
    expect(p).toEqual(['a/a.yaml links[0] SUPPLIES firm:x→firm:nowhere .to: refers to firm:nowhere, which no seed file declares']);
  });

  it('reports an id declared twice in one file, and one id used for two kinds across files', () => {
    const p = problemsOf({
      'a/a.yaml': `nodes:\n  - { id: "firm:x", kind: Firm, name: X, source: ${SRC1} }\n  - { id: "firm:x", kind: Firm, name: X, source: ${SRC2} }\n`,
      'b/b.yaml': `nodes:\n  - { id: "firm:x", kind: Buyer, name: X, source: ${SRC2} }\n`,
    });
    expect(p).toContain('a/a.yaml nodes[1] firm:x .id: firm:x is declared twice in this file: merge the two declarations');
    expect(p).toContain('b/b.yaml nodes[0] firm:x .kind: firm:x is a Firm in a/a.yaml but a Buyer here: one id, one thing');
  });

  it('requires provenance, lines inside the document and a quote that occurs at those lines', () => {
    const p = problemsOf({
      'a/a.yaml': [
        'nodes:',
        '  - { id: "firm:a", kind: Firm, name: A }',
        '  - { id: "firm:b", kind: Firm, name: B, source: { doc: tiny, lines: [9], quote: "Segusino organized", finding: own } }',
        '  - { id: "firm:c", kind: Firm, name: C, source: { doc: tiny, lines: [2], quote: "Segusino organized", finding: own } }',
        '',
      ].join('\n'),
    });
    expect(p).toEqual([
      'a/a.yaml nodes[0] firm:a .source: Invalid input: expected object, received undefined',
      'a/a.yaml nodes[1] firm:b .source: line 9 is outside the document (2 lines)',
      'a/a.yaml nodes[2] firm:c .source: quote not found at line(s) 2: "Segusino organized"',
    ]);
  });

  it('reports a YAML syntax error with its line', () => {
    const p = problemsOf({ 'a/a.yaml': 'nodes:\n  - { id: "firm:a", kind: Firm\n' });
    expect(p[0]).toMatch(/^a\/a\.yaml: YAML syntax: .*\(line \d+\)/);
  });

  it('merges two declarations of one id and keeps both statements with their sources', () => {
    const root = seedFolder({
      'a/a.yaml': `nodes:\n  - { id: "institution:fenac", kind: Institution, name: FENAC, description: "a public institution", source: ${SRC1} }\n`,
      'b/b.yaml': `nodes:\n  - { id: "institution:fenac", kind: Institution, name: Fenac, description: "a professional trade organisation", source: ${SRC2} }\n`,
    });
    const { set, problems } = seedCheck(root);
    expect(problems).toEqual([]);
    const g = buildGraph(set);
    expect(g.nodes).toHaveLength(1);
    expect(g.nodes[0]!.props.aliases).toEqual(['Fenac']);
    expect(g.statements.filter((s) => s.id === 'institution:fenac').map((s) => s.props.claim)).toEqual(['a public institution', 'a professional trade organisation']);
  });

  it('adds up the roles two declarations give one firm instead of reporting them as a conflict', () => {
    const root = seedFolder({
      'a/a.yaml': `nodes:\n  - { id: "firm:coops", kind: Firm, name: Cooperatives, props: { roles: [cooperative, sme] }, source: ${SRC1} }\n`,
      'b/b.yaml': `nodes:\n  - { id: "firm:coops", kind: Firm, name: Cooperatives, props: { roles: [cooperative, lead_firm] }, source: ${SRC2} }\n`,
    });
    const g = buildGraph(seedCheck(root).set);
    expect(g.nodes[0]!.props.roles).toEqual(['cooperative', 'sme', 'lead_firm']);
    expect(g.nodes[0]!.props.conflicts).toBeUndefined();
  });

  it('states a claim about a linkage on every entity it names (`also`), under one key', () => {
    const root = seedFolder({
      'a/a.yaml': [
        'nodes:',
        `  - { id: "firm:segusino", kind: Firm, name: Segusino, source: ${SRC1} }`,
        `  - { id: "firm:chipilo-workshops", kind: Firm, name: Chipilo workshops, aggregate: true, source: ${SRC1} }`,
        'statements:',
        `  - { about: "firm:segusino", also: ["firm:chipilo-workshops"], claim: "organised the workshops as its subcontractors", source: ${SRC1} }`,
        '',
      ].join('\n'),
    });
    const { set, problems } = seedCheck(root);
    expect(problems).toEqual([]);
    const claims = buildGraph(set).statements.filter((s) => s.props.kind === 'claim');
    expect(claims.map((s) => [s.id, s.key, s.props.claim, s.props.also])).toEqual([
      ['firm:segusino', 'a/a.yaml#statements[0]', 'organised the workshops as its subcontractors', ['firm:chipilo-workshops']],
      ['firm:chipilo-workshops', 'a/a.yaml#statements[0]', 'organised the workshops as its subcontractors', ['firm:chipilo-workshops']],
    ]);
  });

  it('reports an `also` id that no file declares or that the statement already names', () => {
    const p = problemsOf({
      'a/a.yaml': `nodes:\n  - { id: "firm:segusino", kind: Firm, name: Segusino, source: ${SRC1} }\nstatements:\n  - { about: "firm:segusino", also: ["firm:nowhere", "firm:segusino"], claim: "a claim", source: ${SRC1} }\n`,
    });
    expect(p).toEqual([
      'a/a.yaml statements[0] firm:segusino .also.0: refers to firm:nowhere, which no seed file declares',
      'a/a.yaml statements[0] firm:segusino .also.1: firm:segusino is already named by this statement',
    ]);
  });
});
