/**
 * The closed enumerations of the domain (see ../shared/DOMAIN.md and seeds/FORMAT.md). Seed files, GraphQL
 * enums and mutations all validate against these lists; anything else is rejected with the allowed values.
 */
export const NODE_KINDS = ['Cluster', 'Firm', 'Buyer', 'Institution', 'Program', 'Person', 'ValueChain', 'Place', 'Event', 'Upgrading'] as const;
/**
 * The stored properties an entity's type is read from, the first one set winning: firm roles, buyer,
 * institution or program type, person role, place, event or upgrading type (one of them per kind).
 */
export const TYPE_PROPERTIES = ['roles', 'buyerType', 'institutionType', 'programType', 'role', 'placeType', 'eventType', 'upgradingType'] as const;
/**
 * The computed key under which a statement's entity projection gives that first one set (executor.ts), when a
 * request shows entities' types: one value an entity instead of the eight properties.
 */
export const TYPES_KEY = '__types';

/** Kinds that take part in inter-actor networks (brokerage, paths, neighbourhoods). */
export const ACTOR_KINDS = ['Cluster', 'Firm', 'Buyer', 'Institution', 'Program', 'Person'] as const;

export const SECTOR_GROUPS = ['traditional', 'natural_resource', 'complex_product_systems', 'specialised_suppliers', 'other'] as const;
export const FIRM_ROLES = ['sme', 'lead_firm', 'subcontractor', 'supplier', 'assembler', 'tnc_subsidiary', 'cooperative', 'trader_agent', 'large_firm', 'microenterprise', 'producer'] as const;
export const BUYER_TYPES = ['global_buyer', 'importer', 'export_agent', 'retailer', 'supermarket', 'wholesaler', 'brand_owner', 'department_store', 'domestic_buyer', 'government', 'processor'] as const;
export const INSTITUTION_TYPES = [
  'business_association', 'service_centre', 'technology_centre', 'university', 'research_institute', 'training_centre',
  'government_agency', 'development_bank', 'donor', 'trade_fair', 'chamber_of_commerce', 'ngo', 'international_organisation',
  'consultancy', 'financial_institution', 'cluster_organisation',
] as const;
export const PROGRAM_TYPES = [
  'supplier_development', 'networking', 'subcontracting_exchange', 'credit_line', 'export_promotion', 'empresas_integradoras',
  'technology_extension', 'training', 'cluster_development', 'business_services', 'guarantee', 'fiscal_incentive', 'research', 'other',
] as const;
export const MARKETS = ['domestic', 'global', 'domestic_and_global'] as const;
/** Humphrey & Schmitz (2000). */
export const GOVERNANCE_HS = ['market', 'network', 'quasi_hierarchy', 'hierarchy'] as const;
/** Gereffi, Humphrey & Sturgeon (2005). */
export const GOVERNANCE_GHS = ['market', 'modular', 'relational', 'captive', 'hierarchy'] as const;
export const CHAIN_DRIVERS = ['buyer_driven', 'producer_driven'] as const;
export const LEVELS = ['low', 'high'] as const;
export const PLACE_TYPES = ['country', 'region', 'state', 'municipality', 'locality', 'continent'] as const;
export const EVENT_TYPES = ['devaluation', 'import_shock', 'bankruptcy', 'trade_liberalisation', 'trade_agreement', 'crisis', 'policy_change', 'founding', 'market_entry', 'closure', 'other'] as const;
export const UPGRADING_TYPES = ['process', 'product', 'functional', 'intersectoral', 'downgrading'] as const;
export const JOINT_ACTION_FORMS = ['backward_vertical', 'forward_vertical', 'horizontal_bilateral', 'horizontal_multilateral'] as const;
export const SUPPORT_TYPES = ['technical', 'financial', 'training', 'market_access', 'information', 'infrastructure', 'certification', 'research', 'institutional'] as const;
export const CHAIN_POSITIONS = ['input_supplier', 'producer', 'subcontractor', 'lead_firm', 'agent', 'buyer', 'retailer', 'service_provider'] as const;
export const FINDINGS = ['own', 'cited'] as const;

/**
 * Relationship types, each with its direction stated once: goods and services flow supplier → customer.
 * `symmetric` marks ties whose direction carries no meaning (analytics treat them as reciprocal).
 */
export const LINK_TYPES = {
  SUPPLIES: { from: 'supplier', to: 'customer', symmetric: false },
  SUBCONTRACTOR_OF: { from: 'subcontractor', to: 'principal (contractor)', symmetric: false },
  SELLS_TO: { from: 'seller', to: 'buyer', symmetric: false },
  OWNS: { from: 'owner', to: 'owned', symmetric: false },
  JOINT_VENTURE: { from: 'partner', to: 'partner', symmetric: true },
  FRANCHISES: { from: 'franchisor', to: 'franchisee', symmetric: false },
  COOPERATES_WITH: { from: 'actor', to: 'actor', symmetric: true },
  MEMBER_OF: { from: 'member', to: 'association, cluster or network', symmetric: false },
  SUPPORTS: { from: 'supporter', to: 'beneficiary', symmetric: false },
  BROKERS_FOR: { from: 'broker', to: 'party it connects', symmetric: false },
  RUNS: { from: 'institution', to: 'program', symmetric: false },
  TARGETS: { from: 'program', to: 'cluster, firm or group', symmetric: false },
  FUNDS: { from: 'funder', to: 'program or institution', symmetric: false },
  LOCATED_IN: { from: 'entity', to: 'place', symmetric: false },
  PARTICIPATES_IN: { from: 'actor or cluster', to: 'value chain', symmetric: false },
  LEADS: { from: 'actor', to: 'value chain', symmetric: false },
  COMPETES_WITH: { from: 'actor', to: 'actor', symmetric: true },
  AFFECTS: { from: 'event', to: 'anything', symmetric: false },
  UNDERWENT: { from: 'cluster or firm', to: 'upgrading episode', symmetric: false },
  HAS_CHAIN: { from: 'cluster', to: 'value chain', symmetric: false },
} as const;
export type LinkType = keyof typeof LINK_TYPES;
/** Where a link's ends must point, when the type says so. */
export const ENDPOINT_KINDS: Record<string, { from?: string[]; to?: string[] }> = {
  LOCATED_IN: { to: ['Place'] },
  PARTICIPATES_IN: { to: ['ValueChain'] },
  LEADS: { to: ['ValueChain'] },
  UNDERWENT: { to: ['Upgrading'] },
  AFFECTS: { from: ['Event'] },
  RUNS: { to: ['Program'] },
};

export const LINK_TYPE_NAMES = Object.keys(LINK_TYPES) as LinkType[];
export type NodeKind = (typeof NODE_KINDS)[number];
export type SectorGroup = (typeof SECTOR_GROUPS)[number];
