/**
 * Collective efficiency after Schmitz, as operationalised by Pietrobelli & Rabellotti (2004, fn. 11 and
 * Tables 3/7/11/15): EEI = sum of the four external-economy items, JAI = sum of the four joint-action
 * items (each 0 absent … 3 high), CE = 0.5·EEI + 0.5·JAI; degree High ≥ 9.5, Medium 5.1–9.5, Low ≤ 5.
 * Items printed "n.a." count as 0 in the printed sums (e.g. Bucaramanga's EEI 6 = 3+1+n.a.+2), so the
 * recomputation does the same and says so.
 */
export const EE_ITEMS = ['labourMarket', 'inputs', 'information', 'marketAccess'] as const;
export const JA_ITEMS = ['backward', 'forward', 'horizontalBilateral', 'horizontalMultilateral'] as const;
export type Degree = 'High' | 'Medium' | 'Low';

export type Items<K extends string> = Partial<Record<K, number | null>>;

export interface Printed {
  eei?: number | null;
  jai?: number | null;
  ce?: number | null;
  degree?: string | null;
}

export interface CeResult {
  eei: number | null;
  jai: number | null;
  ce: number | null;
  degree: Degree | null;
  /** One line per disagreement or caveat, e.g. "ce: printed 5 ≠ recomputed 5.5". */
  flags: string[];
}

export function degreeOf(ce: number): Degree {
  if (ce >= 9.5) return 'High';
  if (ce <= 5) return 'Low';
  return 'Medium';
}

function sumItems<K extends string>(items: Items<K> | undefined, keys: readonly K[], label: string, flags: string[]): number | null {
  if (!items) return null;
  let sum = 0;
  for (const k of keys) {
    const v = items[k];
    if (v === null || v === undefined) flags.push(`${label}.${k}: n.a. (counted as 0)`);
    else sum += v;
  }
  return sum;
}

/** Tolerance for comparing printed figures: tables print two decimals at most. */
const EPS = 0.005;

/** Recomputes EEI, JAI, CE and degree from the items and lists every disagreement with the printed values. */
export function collectiveEfficiency(ee: Items<(typeof EE_ITEMS)[number]> | undefined, ja: Items<(typeof JA_ITEMS)[number]> | undefined, printed: Printed = {}): CeResult {
  const flags: string[] = [];
  const eei = sumItems(ee, EE_ITEMS, 'externalEconomies', flags);
  const jai = sumItems(ja, JA_ITEMS, 'jointAction', flags);
  // Without items, the printed indices are the best the source gives: recompute CE from them.
  const eeiBase = eei ?? printed.eei ?? null;
  const jaiBase = jai ?? printed.jai ?? null;
  const ce = eeiBase !== null && jaiBase !== null ? 0.5 * eeiBase + 0.5 * jaiBase : null;
  const degree = ce === null ? null : degreeOf(ce);
  const cmp = (name: string, p: number | null | undefined, r: number | null) => {
    if (p !== null && p !== undefined && r !== null && Math.abs(p - r) > EPS) flags.push(`${name}: printed ${p} ≠ recomputed ${r}`);
  };
  cmp('eei', printed.eei, eei);
  cmp('jai', printed.jai, jai);
  // Printed CE is compared with 0.5·(printed EEI) + 0.5·(printed JAI) too: a table can contradict its own row.
  cmp('ce', printed.ce, ce);
  if (printed.ce != null && printed.eei != null && printed.jai != null) {
    const fromPrinted = 0.5 * printed.eei + 0.5 * printed.jai;
    // Only worth a second line when it says something the comparison above has not.
    if (Math.abs(printed.ce - fromPrinted) > EPS && (ce === null || Math.abs(fromPrinted - ce) > EPS)) {
      flags.push(`ce: printed ${printed.ce} ≠ 0.5·printed EEI + 0.5·printed JAI = ${fromPrinted}`);
    }
  }
  if (printed.degree && degree && printed.degree !== degree) flags.push(`degree: printed ${printed.degree} ≠ recomputed ${degree}`);
  return { eei, jai, ce, degree, flags };
}
