import { describe, expect, it } from 'vitest';
import { seedCheck } from '../../server/src/modules/seeds/check.js';
import { likelyDuplicates, unreviewedDuplicates } from '../../server/src/modules/seeds/duplicates.js';
import { asAcronym, foldName, isAcronymOf, tokenOverlap } from '../../server/src/modules/seeds/names.js';
import { formatProblem } from '../../server/src/modules/seeds/read.js';
import { seedFolder, SRC1, SRC2 } from '../fixtures/seeds.js';

/** Two countries and a town, so that records can be placed (Place ids only; the names are real). */
const PLACES = [
  `  - { id: "place:nicaragua", kind: Place, name: Nicaragua, props: { placeType: country }, source: ${SRC1} }`,
  `  - { id: "place:mexico", kind: Place, name: Mexico, props: { placeType: country }, source: ${SRC1} }`,
  `  - { id: "place:boaco", kind: Place, name: Boaco, props: { placeType: municipality, parent: "place:nicaragua" }, source: ${SRC1} }`,
].join('\n');

const setOf = (files: Record<string, string>) => {
  const { set, problems } = seedCheck(seedFolder({ 'places.yaml': `nodes:\n${PLACES}\n`, ...files }));
  return { set, problems: problems.map(formatProblem) };
};

describe('name folding', () => {
  it('folds accents, case, punctuation, stop words and legal suffixes', () => {
    expect(foldName('Muebles Segusino, S.A. de C.V.')).toBe('muebles segusino');
    expect(foldName('Cámara Nicaragüense del Sector Lácteo')).toBe('camara nicaraguense sector lacteo');
    expect(foldName('Companhia Vale do Rio Doce')).toBe(foldName('Vale do Rio Doce'));
  });

  it('recognises an acronym formed by the initials of a name, with or without its stop words', () => {
    expect(asAcronym('JICA')).toBe('jica');
    expect(asAcronym('Intel')).toBeUndefined();
    expect(isAcronymOf('jica', 'Japan International Cooperation Agency')).toBe(true);
    expect(isAcronymOf('cdmec', 'Centro de Desenvolvimento Metal Mecânico Capixaba')).toBe(false);
  });

  it('counts near-identical spellings as one word when measuring word overlap', () => {
    // "cooperativa" / "cooperative" share 9 of their 10 letter pairs (Dice 0.9): one word, so the names share all their words.
    expect(tokenOverlap(['cooperativa', 'cantores'], ['cantores', 'cooperative'])).toBe(1);
    expect(tokenOverlap(['guadalajara', 'footwear'], ['guadalajara', 'software'])).toBeCloseTo(1 / 3);
  });
});

describe('likely duplicates', () => {
  it('flags one cooperative stored under two ids in two files, with both ids, files and the reason', () => {
    const { set, problems } = setOf({
      'a/a.yaml': `nodes:\n  - { id: "firm:cantores", kind: Firm, name: Cantores cooperative, locatedIn: "place:boaco", source: ${SRC1} }\n`,
      'b/b.yaml': `nodes:\n  - { id: "firm:cooperativa-cantores", kind: Firm, name: "Cooperativa Cantores", country: "place:nicaragua", source: ${SRC2} }\n`,
    });
    expect(problems).toEqual([]);
    expect(likelyDuplicates(set)).toEqual([
      {
        kind: 'Firm',
        a: { id: 'firm:cantores', name: 'Cantores cooperative', files: ['a/a.yaml'] },
        b: { id: 'firm:cooperativa-cantores', name: 'Cooperativa Cantores', files: ['b/b.yaml'] },
        why: 'names share 100% of their words: "Cantores cooperative" / "Cooperativa Cantores"; both in place:nicaragua',
      },
    ]);
  });

  it('does not flag a pair reviewed as distinct, and checks the reviewed list itself', () => {
    const nodes = `nodes:\n  - { id: "firm:cantores", kind: Firm, name: Cantores cooperative, source: ${SRC1} }\n  - { id: "firm:cooperativa-cantores", kind: Firm, name: Cooperativa Cantores, source: ${SRC2} }\n`;
    const reviewed = setOf({
      'a/a.yaml': nodes,
      'reviewed/distinct.yaml': 'distinct:\n  - { ids: ["firm:cooperativa-cantores", "firm:cantores"], reason: "two cooperatives of the same name in different villages" }\n',
    });
    expect(reviewed.problems).toEqual([]);
    expect(likelyDuplicates(reviewed.set)).toHaveLength(1);
    expect(unreviewedDuplicates(reviewed.set)).toEqual([]);

    const wrong = setOf({ 'a/a.yaml': nodes, 'reviewed/distinct.yaml': 'distinct:\n  - { ids: ["firm:cantores", "firm:nowhere"], reason: "a pair with a typo in it" }\n' });
    expect(wrong.problems).toEqual(['reviewed/distinct.yaml distinct[0] firm:cantores ~ firm:nowhere .ids.1: refers to firm:nowhere, which no seed file declares']);
  });

  it('flags an acronym and the name it abbreviates', () => {
    const { set } = setOf({
      'a/a.yaml': `nodes:\n  - { id: "institution:jica", kind: Institution, name: JICA, source: ${SRC1} }\n  - { id: "institution:japan-cooperation-agency", kind: Institution, name: Japan International Cooperation Agency, source: ${SRC2} }\n`,
    });
    expect(likelyDuplicates(set).map((d) => d.why)).toEqual(['"JICA" is the acronym of "Japan International Cooperation Agency"; place of institution:jica unknown']);
  });

  it('does not flag the same name in two countries, two kinds, or a name that is only a place name', () => {
    const { set } = setOf({
      'a/a.yaml': [
        'nodes:',
        `  - { id: "buyer:nicaragua-supermarkets", kind: Buyer, name: Supermarkets, country: "place:nicaragua", source: ${SRC1} }`,
        `  - { id: "buyer:mexico-supermarkets", kind: Buyer, name: Supermarkets, country: "place:mexico", source: ${SRC2} }`,
        `  - { id: "institution:cantores", kind: Institution, name: Cantores cooperative, source: ${SRC1} }`,
        `  - { id: "firm:cantores", kind: Firm, name: Cantores cooperative, source: ${SRC2} }`,
        `  - { id: "firm:boaco-producers", kind: Firm, name: Producers of Boaco, aliases: [Boaco], source: ${SRC1} }`,
        `  - { id: "firm:boaco-traders", kind: Firm, name: Traders of Boaco, aliases: [Boaco], source: ${SRC2} }`,
        '',
      ].join('\n'),
    });
    expect(likelyDuplicates(set)).toEqual([]);
  });

  it('flags two records that lead the same value chain and share a word that is not a place name', () => {
    // The case of the dataset: Pietrobelli & Rabellotti's "semi-industrial cooperatives" and SELA's "small local
    // cooperatives" both lead the Nicaraguan cooperatives' chain; their names share only "cooperatives".
    const { set } = setOf({
      'a/a.yaml': [
        'nodes:',
        `  - { id: "chain:coops", kind: ValueChain, name: Chain led by cooperatives, source: ${SRC1} }`,
        `  - { id: "firm:semi-industrial-coops", kind: Firm, name: "Semi-industrial milk producers' cooperatives (Boaco)", source: ${SRC1} }`,
        `  - { id: "firm:small-local-coops", kind: Firm, name: Small local dairy cooperatives, country: "place:mexico", source: ${SRC2} }`,
        `  - { id: "firm:boaco-traders", kind: Firm, name: Traders of Boaco, source: ${SRC2} }`,
        'links:',
        `  - { type: LEADS, from: "firm:semi-industrial-coops", to: "chain:coops", source: ${SRC1} }`,
        `  - { type: LEADS, from: "firm:small-local-coops", to: "chain:coops", source: ${SRC2} }`,
        `  - { type: LEADS, from: "firm:boaco-traders", to: "chain:coops", source: ${SRC2} }`,
        '',
      ].join('\n'),
    });
    expect(likelyDuplicates(set).map((d) => `${d.a.id} ~ ${d.b.id}: ${d.why}`)).toEqual([
      'firm:semi-industrial-coops ~ firm:small-local-coops: both lead chain:coops and their names share "cooperatives"',
    ]);
  });
});
