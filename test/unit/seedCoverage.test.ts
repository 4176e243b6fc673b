import { describe, expect, it } from 'vitest';
import { seedCheck } from '../../server/src/modules/seeds/check.js';
import { formatPassage, linkageCoverage } from '../../server/src/modules/seeds/coverage.js';
import { formatProblem } from '../../server/src/modules/seeds/read.js';
import { seedFolder } from '../fixtures/seeds.js';

/** A six-paragraph document: which lines talk about linkages, which name a declared actor, which are cited. */
const DOC = [
  'Segusino organized its network of subcontractors in Chipilo.', // 1: linkage, names Segusino, cited below
  'Segusino kept design and marketing for itself; the workshops of the cluster followed its orders.', // 2: linkage, names Segusino, uncited
  'The weather around Segusino was fine that year.', // 3: names Segusino, no linkage word
  'Subcontracting is common in furniture everywhere.', // 4: linkage, no declared actor
  'The following table lists the Segusino figures.', // 5: "the following" is no linkage
  'Segusino (2003), a study of the network of subcontractors.', // 6: linkage, names Segusino, acknowledged below
];
const SOURCES = 'sources:\n  - { id: "source:cov", key: cov, file: cov.txt, title: Coverage, authors: [Test], year: 2000 }\n';
const SEGUSINO = '  - { id: "firm:segusino", kind: Firm, name: Segusino, aliases: [Muebles Segusino], source: { doc: cov, lines: [1], quote: "Segusino organized its network", finding: own } }\n';

const folder = (extra: Record<string, string> = {}) =>
  seedFolder({ 'sources.yaml': SOURCES, 'documents/cov.txt': DOC.join('\n'), 'a/a.yaml': `nodes:\n${SEGUSINO}`, ...extra });

describe('linkage coverage', () => {
  it('reports lines about linkages that name a declared actor and that no record cites, with an excerpt', () => {
    const { set, problems } = seedCheck(folder());
    expect(problems).toEqual([]);
    const report = linkageCoverage(set);
    // Lines 1, 2 and 6 talk about linkages and name Segusino; line 1 is cited by the declaration.
    expect(report).toMatchObject({ linkagePassages: 3, cited: 1, acknowledged: 0 });
    expect(report.uncited.map((p) => [p.line, p.ids, p.words])).toEqual([
      [2, ['firm:segusino'], ['kept', 'follow']],
      [6, ['firm:segusino'], ['network', 'subcontract']],
    ]);
    expect(formatPassage(report.uncited[0]!)).toBe(
      'cov:2 [kept, follow] names firm:segusino: "Segusino kept design and marketing for itself; the workshops of the cluster followed its orders."',
    );
  });

  it('leaves out lines a statement cites and lines a reviewer acknowledged', () => {
    const statement = 'statements:\n  - { about: "firm:segusino", claim: "keeps design and marketing", source: { doc: cov, lines: [2], quote: "kept design and marketing for itself", finding: own } }\n';
    const { set, problems } = seedCheck(
      folder({
        'a/why.yaml': statement,
        'reviewed/passages.yaml': 'passages:\n  - { doc: cov, range: [5, 6], reason: "the reference list of the fixture" }\n',
      }),
    );
    expect(problems).toEqual([]);
    expect(linkageCoverage(set)).toEqual({ linkagePassages: 3, cited: 2, acknowledged: 1, uncited: [] });
  });

  it('checks that acknowledged passages lie inside their document', () => {
    const { problems } = seedCheck(folder({ 'reviewed/passages.yaml': 'passages:\n  - { doc: cov, lines: [9], reason: "a line that is not there" }\n  - { doc: nowhere, range: [1, 2], reason: "a document that is not there" }\n' }));
    expect(problems.map(formatProblem)).toEqual([
      'reviewed/passages.yaml passages[0] cov .lines: line 9 is outside the document (6 lines)',
      'reviewed/passages.yaml passages[1] nowhere .doc: unknown document "nowhere"',
    ]);
  });
});
