import { describe, expect, it } from 'vitest';
import { agreesWithPrediction, asHsType, asLevel, ghsTable } from '../../server/src/domain/governance.js';
import { chainAgreesWithPrediction, governanceTypologies, hsAsGHS, predictedGHS } from '../../server/src/modules/clusters/governance.js';

/** Expected answers: Gereffi, Humphrey & Sturgeon (2005) Table 1, and the typology correspondence of ../shared/DOMAIN.md. */
describe('value-chain governance', () => {
  it('lists GHS Table 1 as five rows, one per governance type, each with its three determinants', () => {
    expect(ghsTable()).toEqual([
      { governance: 'market', complexity: 'low', codifiability: 'high', supplierCapability: 'high' },
      { governance: 'hierarchy', complexity: 'high', codifiability: 'low', supplierCapability: 'low' },
      { governance: 'relational', complexity: 'high', codifiability: 'low', supplierCapability: 'high' },
      { governance: 'captive', complexity: 'high', codifiability: 'high', supplierCapability: 'low' },
      { governance: 'modular', complexity: 'high', codifiability: 'high', supplierCapability: 'high' },
    ]);
  });

  it('maps each Humphrey–Schmitz type to its GHS equivalents: network to relational and modular, quasi-hierarchy to captive', () => {
    expect(governanceTypologies()).toEqual([
      { humphreySchmitz: 'market', gereffiHumphreySturgeon: ['market'] },
      { humphreySchmitz: 'network', gereffiHumphreySturgeon: ['relational', 'modular'] },
      { humphreySchmitz: 'quasi_hierarchy', gereffiHumphreySturgeon: ['captive'] },
      { humphreySchmitz: 'hierarchy', gereffiHumphreySturgeon: ['hierarchy'] },
    ]);
  });

  it('predicts a chain’s GHS type only when all three determinants are recorded as low or high', () => {
    expect(predictedGHS({ complexity: 'high', codifiability: 'high', supplierCapability: 'low' })).toBe('captive');
    expect(predictedGHS({ complexity: 'high', codifiability: 'high', supplierCapability: null })).toBeNull();
    expect(predictedGHS({ complexity: 'high', codifiability: 'medium', supplierCapability: 'low' })).toBeNull();
  });

  it('checks a prediction against the reported GHS type first, then against the H&S type read in GHS terms', () => {
    expect(agreesWithPrediction('captive', { ghs: 'captive', hs: 'market' })).toBe(true);
    expect(agreesWithPrediction('captive', { ghs: 'relational', hs: 'quasi_hierarchy' })).toBe(false);
    expect(agreesWithPrediction('modular', { ghs: null, hs: 'network' })).toBe(true);
    expect(agreesWithPrediction('market', { ghs: null, hs: 'network' })).toBe(false);
    expect(agreesWithPrediction('market', { ghs: null, hs: null })).toBeNull();
    expect(agreesWithPrediction(null, { ghs: 'market', hs: null })).toBeNull();
    const chain = { complexity: 'high', codifiability: 'low', supplierCapability: 'high', governanceHS: 'network', governanceGHS: null };
    expect(chainAgreesWithPrediction(chain)).toBe(true);
  });

  it('reads stored values as levels and types, anything else as absent', () => {
    expect(asLevel('low')).toBe('low');
    expect(asLevel('LOW')).toBeNull();
    expect(asLevel(undefined)).toBeNull();
    expect(asHsType('quasi_hierarchy')).toBe('quasi_hierarchy');
    expect(asHsType('captive')).toBeNull();
    expect(hsAsGHS({ governanceHS: 'quasi_hierarchy' })).toEqual(['captive']);
    expect(hsAsGHS({ governanceHS: null })).toEqual([]);
  });
});
