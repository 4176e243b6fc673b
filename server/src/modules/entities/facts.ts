import { TYPE_PROPERTIES, TYPES_KEY } from '../../domain/enums.js';
import { GOVERNANCE_CODE_COLUMNS, governanceCode } from '../../domain/governanceCodes.js';
import type { EntityRow } from './statements.js';

/**
 * Cluster and chain facts are stored flattened on the entity (`externalEconomies_inputs`, `printed_ce`,
 * `governanceCodes_market`…); these read them back into the GraphQL shapes.
 */
const num = (v: unknown) => (typeof v === 'number' ? v : null);
const str = (v: unknown) => (v === undefined || v === null ? null : String(v));

/** The `keys` of a flattened group (`prefix_key`), or null when none of them is stored. */
function group(n: EntityRow, prefix: string, keys: readonly string[]): Record<string, number | null> | null {
  if (!keys.some((k) => n[`${prefix}_${k}`] !== undefined)) return null;
  return Object.fromEntries(keys.map((k) => [k, num(n[`${prefix}_${k}`])]));
}

function figures(n: EntityRow, prefix: 'printed' | 'computed') {
  if (n[`${prefix}_ce`] === undefined && n[`${prefix}_eei`] === undefined) return null;
  return { eei: num(n[`${prefix}_eei`]), jai: num(n[`${prefix}_jai`]), ce: num(n[`${prefix}_ce`]), degree: str(n[`${prefix}_degree`]) };
}

function governanceCodes(n: EntityRow) {
  if (!GOVERNANCE_CODE_COLUMNS.some(([k]) => n[`governanceCodes_${k}`] !== undefined)) return null;
  return Object.fromEntries(GOVERNANCE_CODE_COLUMNS.map(([k, type]) => [k, governanceCode(type, n[`governanceCodes_${k}`])]));
}

/** The ClusterFacts of a cluster entity. */
export function clusterFacts(n: EntityRow) {
  return {
    sector: str(n.sector),
    sectorGroup: str(n.sectorGroup),
    founded: str(n.founded),
    firms: str(n.firms),
    externalEconomies: group(n, 'externalEconomies', ['labourMarket', 'inputs', 'information', 'marketAccess']),
    jointAction: group(n, 'jointAction', ['backward', 'forward', 'horizontalBilateral', 'horizontalMultilateral']),
    printed: figures(n, 'printed'),
    recomputed: figures(n, 'computed'),
    flags: Array.isArray(n.ceFlags) ? n.ceFlags.map(String) : [],
    disagrees: n.ceDisagrees === true,
    governanceCodes: governanceCodes(n),
    upgradingScores: group(n, 'upgradingScores', ['product', 'process', 'functional', 'intersectoral']),
    figures: Object.fromEntries(Object.entries(n).filter(([k]) => /^(production|exports|jobs|firms|founded|indirectJobs|table2)/.test(k))),
  };
}

export type ClusterFactsModel = ReturnType<typeof clusterFacts>;

/** The ChainFacts of a value-chain entity. */
export function chainFacts(n: EntityRow) {
  return {
    market: str(n.market),
    endMarket: str(n.endMarket),
    product: str(n.product),
    governanceHS: str(n.governanceHS),
    governanceGHS: str(n.governanceGHS),
    driver: str(n.driver),
    complexity: str(n.determinants_complexity),
    codifiability: str(n.determinants_codifiability),
    supplierCapability: str(n.determinants_supplierCapability),
  };
}

export type ChainFactsModel = ReturnType<typeof chainFacts>;

/** Firm roles, buyer / institution / program type, person role, place, event or upgrading type. */
export function typesOf(n: EntityRow): string[] {
  // As a statement computed it (TYPES_KEY), or from the stored properties: the first one set.
  let v = n[TYPES_KEY];
  if (!(TYPES_KEY in n)) for (const k of TYPE_PROPERTIES) if ((v = n[k]) !== undefined && v !== null) break;
  return v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)];
}

/** An event's printed date, or an upgrading episode's year or period. */
export function dateOf(n: EntityRow): string | null {
  return str(n.date ?? n.year ?? n.period);
}
