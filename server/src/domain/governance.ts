import { GOVERNANCE_GHS, GOVERNANCE_HS, LEVELS } from './enums.js';

/**
 * Gereffi, Humphrey & Sturgeon (2005), Table 1: the governance type that the three determinants predict.
 * Combinations the table leaves out (low complexity with low codifiability or low capability) predict
 * nothing: GHS note they are unlikely to occur.
 */
export type Level = (typeof LEVELS)[number];
export type GhsType = (typeof GOVERNANCE_GHS)[number];
export type HsType = (typeof GOVERNANCE_HS)[number];

const PREDICTIONS: Record<string, GhsType> = {
  'low/high/high': 'market',
  'high/high/high': 'modular',
  'high/low/high': 'relational',
  'high/high/low': 'captive',
  'high/low/low': 'hierarchy',
};

export function predictGovernance(complexity?: Level | null, codifiability?: Level | null, capability?: Level | null): GhsType | null {
  if (!complexity || !codifiability || !capability) return null;
  return PREDICTIONS[`${complexity}/${codifiability}/${capability}`] ?? null;
}

/** GHS Table 1 row by row: each governance type with the determinants that predict it. */
export function ghsTable(): { governance: GhsType; complexity: Level; codifiability: Level; supplierCapability: Level }[] {
  return LEVELS.flatMap((complexity) =>
    LEVELS.flatMap((codifiability) =>
      LEVELS.flatMap((supplierCapability) => {
        const governance = predictGovernance(complexity, codifiability, supplierCapability);
        return governance ? [{ governance, complexity, codifiability, supplierCapability }] : [];
      }),
    ),
  );
}

/**
 * Correspondence between the two typologies (../shared/DOMAIN.md): network ↔ relational (and modular),
 * quasi-hierarchy ↔ captive, market ↔ market, hierarchy ↔ hierarchy.
 */
export const HS_TO_GHS: Record<HsType, GhsType[]> = {
  market: ['market'],
  network: ['relational', 'modular'],
  quasi_hierarchy: ['captive'],
  hierarchy: ['hierarchy'],
};

/**
 * Whether a chain's reported governance matches the GHS prediction: the reported GHS type when there is
 * one, otherwise the reported Humphrey–Schmitz type read in GHS terms. Null without a prediction or a report.
 */
export function agreesWithPrediction(predicted: GhsType | null, reported: { ghs: GhsType | null; hs: HsType | null }): boolean | null {
  if (!predicted) return null;
  if (reported.ghs) return reported.ghs === predicted;
  if (reported.hs) return HS_TO_GHS[reported.hs].includes(predicted);
  return null;
}

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): T | null =>
    values.find((x) => x === v) ?? null;

/** A stored value read as a level, a GHS type or an H&S type; null when it is absent or not one. */
export const asLevel = oneOf(LEVELS);
export const asGhsType = oneOf(GOVERNANCE_GHS);
export const asHsType = oneOf(GOVERNANCE_HS);
