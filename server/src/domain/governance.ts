/**
 * Gereffi, Humphrey & Sturgeon (2005), Table 1: the governance type that the three determinants predict.
 * Combinations the table leaves out (low complexity with low codifiability or low capability) predict
 * nothing: GHS note they are unlikely to occur.
 */
export type Level = 'low' | 'high';
export type GhsType = 'market' | 'modular' | 'relational' | 'captive' | 'hierarchy';
export type HsType = 'market' | 'network' | 'quasi_hierarchy' | 'hierarchy';

export function predictGovernance(complexity?: Level | null, codifiability?: Level | null, capability?: Level | null): GhsType | null {
  if (!complexity || !codifiability || !capability) return null;
  const key = `${complexity}/${codifiability}/${capability}`;
  const table: Record<string, GhsType> = {
    'low/high/high': 'market',
    'high/high/high': 'modular',
    'high/low/high': 'relational',
    'high/high/low': 'captive',
    'high/low/low': 'hierarchy',
  };
  return table[key] ?? null;
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

export function ghsToHs(t: GhsType): HsType {
  return (Object.entries(HS_TO_GHS).find(([, g]) => g.includes(t))![0]) as HsType;
}
