/**
 * Group averages of collective-efficiency items, indices and upgrading scores, as Pietrobelli & Rabellotti
 * (2004) compute them in Tables 17–19: the plain mean over the clusters of a group that carry such scores,
 * an item printed "n.a." (or a column a group's table lacks) counting as 0 — that is how their totals are
 * summed — compared with the printed averages at the precision they are printed with.
 */
export const ITEM_MEASURES = ['labourMarket', 'inputs', 'information', 'marketAccess', 'backward', 'forward', 'horizontalBilateral', 'horizontalMultilateral'] as const;
export const INDEX_MEASURES = ['eei', 'jai', 'ce'] as const;
export const UPGRADING_MEASURES = ['product', 'process', 'functional', 'intersectoral'] as const;
export type Measure = (typeof ITEM_MEASURES)[number] | (typeof INDEX_MEASURES)[number] | (typeof UPGRADING_MEASURES)[number];
export const MEASURES: Measure[] = [...ITEM_MEASURES, ...INDEX_MEASURES, ...UPGRADING_MEASURES];

/** One cluster's figures: items, recomputed and printed indices, upgrading scores (null = n.a. or absent). */
export interface ClusterFigures {
  id: string;
  group: string;
  items: Partial<Record<(typeof ITEM_MEASURES)[number], number | null>>;
  hasItems: boolean;
  recomputed: Partial<Record<(typeof INDEX_MEASURES)[number], number | null>>;
  printed: Partial<Record<(typeof INDEX_MEASURES)[number], number | null>>;
  upgrading: Partial<Record<(typeof UPGRADING_MEASURES)[number], number | null>> | null;
}

export interface PrintedRow {
  table: string;
  group: string;
  values: Record<string, number | null>;
}

export interface MeasureAverage {
  measure: Measure;
  /** Clusters that entered the mean. */
  n: number;
  /** Mean of the items, or of the indices recomputed from the items. */
  mean: number | null;
  /** Mean of the indices as printed per cluster (EEI, JAI, CE only). */
  meanOfPrinted: number | null;
  /** The group average printed in the source, and which table. */
  printed: number | null;
  table: string | null;
  /** Whether `mean` rounds to the printed average (at its printed precision). */
  agrees: boolean | null;
  /** Whether `meanOfPrinted` rounds to it. */
  agreesWithPrintedRows: boolean | null;
}

const decimals = (x: number) => {
  const s = String(x);
  return s.includes('.') ? s.split('.')[1]!.length : 0;
};

/**
 * True when `computed`, rounded or truncated to the decimals `printed` is written with, gives `printed`.
 * The source does both: Table 18 prints 2.366… as 2.36 (truncated) but 2.555… as 2.56 (rounded).
 */
export function roundsTo(computed: number, printed: number): boolean {
  const scale = 10 ** decimals(printed);
  const rounded = Math.abs(computed - printed) <= 0.5 / scale + 1e-9;
  const truncated = Math.abs(Math.floor(computed * scale + 1e-9) / scale - printed) < 1e-9;
  return rounded || truncated;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export function groupAverages(clusters: ClusterFigures[], printedRows: PrintedRow[], group: string): MeasureAverage[] {
  const members = clusters.filter((c) => c.group === group);
  return MEASURES.map((m) => {
    let values: number[] = [];
    let printedValues: number[] = [];
    if ((ITEM_MEASURES as readonly string[]).includes(m)) {
      values = members.filter((c) => c.hasItems).map((c) => c.items[m as (typeof ITEM_MEASURES)[number]] ?? 0);
    } else if ((INDEX_MEASURES as readonly string[]).includes(m)) {
      const k = m as (typeof INDEX_MEASURES)[number];
      values = members.map((c) => c.recomputed[k]).filter((v): v is number => typeof v === 'number');
      printedValues = members.map((c) => c.printed[k]).filter((v): v is number => typeof v === 'number');
    } else {
      values = members.filter((c) => c.upgrading).map((c) => c.upgrading![m as (typeof UPGRADING_MEASURES)[number]] ?? 0);
    }
    const row = printedRows.find((r) => r.group === group && typeof r.values[m] === 'number');
    const printed = row ? (row.values[m] as number) : null;
    const mu = mean(values);
    const muP = mean(printedValues);
    return {
      measure: m,
      n: values.length,
      mean: mu,
      meanOfPrinted: muP,
      printed,
      table: row?.table ?? null,
      agrees: printed === null || mu === null ? null : roundsTo(mu, printed),
      agreesWithPrintedRows: printed === null || muP === null ? null : roundsTo(muP, printed),
    };
  });
}
