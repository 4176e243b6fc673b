import { GOVERNANCE_HS } from '../../domain/enums.js';
import { agreesWithPrediction, asGhsType, asHsType, asLevel, ghsTable, HS_TO_GHS, predictGovernance, type GhsType, type HsType } from '../../domain/governance.js';

/** The chain facts governance is read from: reported types and GHS determinants, as stored. */
export interface ChainGovernanceFacts {
  governanceHS?: string | null;
  governanceGHS?: string | null;
  complexity?: string | null;
  codifiability?: string | null;
  supplierCapability?: string | null;
}

/** The correspondence between the Humphrey–Schmitz and Gereffi–Humphrey–Sturgeon typologies. */
export function governanceTypologies(): { humphreySchmitz: HsType; gereffiHumphreySturgeon: GhsType[] }[] {
  return GOVERNANCE_HS.map((hs) => ({ humphreySchmitz: hs, gereffiHumphreySturgeon: HS_TO_GHS[hs] }));
}

/** The GHS table: which determinants predict which governance type. */
export const ghsDeterminants = ghsTable;

/** The GHS type the chain's recorded determinants predict (null unless all three are recorded). */
export function predictedGHS(c: ChainGovernanceFacts): GhsType | null {
  return predictGovernance(asLevel(c.complexity), asLevel(c.codifiability), asLevel(c.supplierCapability));
}

/** Whether the chain's reported governance matches its prediction; null without both. */
export function chainAgreesWithPrediction(c: ChainGovernanceFacts): boolean | null {
  return agreesWithPrediction(predictedGHS(c), { ghs: asGhsType(c.governanceGHS), hs: asHsType(c.governanceHS) });
}

/** The chain's reported Humphrey–Schmitz type in GHS terms. */
export function hsAsGHS(c: ChainGovernanceFacts): GhsType[] {
  const hs = asHsType(c.governanceHS);
  return hs ? HS_TO_GHS[hs] : [];
}
