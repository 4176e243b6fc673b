import * as E from '../../domain/enums.js';

/** GraphQL enum names (UPPER_CASE) mapped to the values stored in the graph. */
const upper = (values: readonly string[]) => Object.fromEntries(values.map((v) => [v.toUpperCase(), v]));

export const enumResolvers = {
  Kind: { CLUSTER: 'Cluster', FIRM: 'Firm', BUYER: 'Buyer', INSTITUTION: 'Institution', PROGRAM: 'Program', PERSON: 'Person', VALUE_CHAIN: 'ValueChain', PLACE: 'Place', EVENT: 'Event', UPGRADING: 'Upgrading' },
  SectorGroup: upper(E.SECTOR_GROUPS),
  Governance: upper([...new Set([...E.GOVERNANCE_HS, ...E.GOVERNANCE_GHS])]),
  Finding: upper(E.FINDINGS),
};
