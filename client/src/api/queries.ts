// Every GraphQL document the viewer sends, named after what it asks for.

/** The entity fields the graph needs to draw and filter a node. */
export const ENTITY_FIELDS = `id kind name aggregate type validFrom validUntil
  places { id name type } cluster { sectorGroup } chain { governanceHS governanceGHS }`;
const EDGE_FIELDS = 'id type source target form qualifier validFrom validUntil';

export const SEARCH = `query Search($text: String!, $first: Int) {
  search(text: $text, first: $first) { score entity { id kind name } }
}`;

export const NEIGHBOURHOOD = `query Neighbourhood($ids: [ID!]!, $hops: Int, $types: [LinkType!], $direction: Direction, $year: Int) {
  neighbourhood(ids: $ids, hops: $hops, types: $types, direction: $direction, year: $year) {
    truncated truncatedBy nodes { ${ENTITY_FIELDS} } edges { ${EDGE_FIELDS} }
  }
}`;

export const ENTITIES_BY_IDS = `query EntitiesByIds($ids: [ID!]!) { entitiesByIds(ids: $ids) { ${ENTITY_FIELDS} } }`;

export const TRACE_VALUE_CHAIN = `query Trace($id: ID!, $direction: TraceDirection, $tiers: Int, $year: Int) {
  traceValueChain(id: $id, direction: $direction, tiers: $tiers, year: $year) {
    truncated
    tiers { tier nodes { ${ENTITY_FIELDS} } }
    edges { tier governanceHS governanceGHS chains { id name } edge { ${EDGE_FIELDS} } }
    chains { role chain { id name chain { governanceHS governanceGHS } } }
  }
}`;

export const JOINT_ACTION = `query JointAction($clusterId: ID!, $year: Int) {
  jointAction(clusterId: $clusterId, year: $year) {
    density actors withinGroup byForm { form count }
    cluster { id name }
    subgraph { truncated nodes { ${ENTITY_FIELDS} } edges { ${EDGE_FIELDS} } }
  }
}`;

export const PATHS = `query Paths($from: ID!, $to: PathTarget!, $mode: PathMode, $k: Int, $maxLength: Int, $year: Int, $types: [LinkType!], $first: Int) {
  paths(from: $from, to: $to, mode: $mode, k: $k, maxLength: $maxLength, year: $year, types: $types, first: $first) {
    count truncated paths { length nodes { ${ENTITY_FIELDS} } edges { ${EDGE_FIELDS} } }
  }
}`;

export const ENTITY_DETAILS = `query EntityDetails($id: ID!) {
  entity(id: $id) {
    id kind name aliases description aggregate count validFrom validUntil documents type date conflicts properties
    places { id name type }
    sources { doc title lines quote finding cites kind claim }
    chains { role chain { id name chain { governanceHS governanceGHS } } }
  }
}`;

export const EDGE_DETAILS = `query EdgeDetails($ids: [ID!]!, $hops: Int) {
  neighbourhood(ids: $ids, hops: $hops) { edges { ${EDGE_FIELDS} provenance { doc title lines quote finding cites kind claim } properties } }
}`;

export const CLUSTER_DETAILS = `query ClusterDetails($id: ID!) {
  entity(id: $id) {
    id name
    cluster {
      sector sectorGroup founded firms flags
      externalEconomies { labourMarket inputs information marketAccess }
      jointAction { backward forward horizontalBilateral horizontalMultilateral }
      printed { eei jai ce degree } recomputed { eei jai ce degree }
      upgradingScores { product process functional intersectoral }
    }
    chains { role chain { id name chain { governanceHS governanceGHS market endMarket } } }
  }
  timeline(id: $id) { year item { id kind name date type } subject { id name } }
}`;

export const CE_AVERAGES = `query CeAverages { collectiveEfficiencyAverages(groupBy: SECTOR_GROUP) { key clusters measures { measure mean printed } } }`;

/** Measures of the actors `$only` (all of them when null) within the network of the actors `$ids`. */
export const CENTRALITY = `query Centrality($ids: [ID!]!, $year: Int, $first: Int, $only: [ID!]) {
  centrality(scope: { ids: $ids, year: $year }, ids: $only, first: $first) { actor { id } degree betweenness }
}`;

/** Brokerage roles of the actors `$only` (all of them when null) within the network of the actors `$ids`. */
export const BROKERAGE = `query Brokerage($ids: [ID!]!, $year: Int, $first: Int, $only: [ID!]) {
  brokerage(scope: { ids: $ids, year: $year }, partition: { by: KIND }, ids: $only, first: $first) {
    scores { actor { id } group raw { coordinator itinerant representative gatekeeper liaison total } }
  }
}`;

export const DEPENDENCY = `query Dependency($id: ID!) {
  dependency(id: $id) { reachableTargets { id name } mustPassThrough { id name } }
}`;

export const FILTER_OPTIONS = `query FilterOptions {
  clusters(first: 200) { nodes { id name } }
  places: entities(filter: { kinds: [PLACE] }, first: 200) { nodes { id name type } }
  sources { key title year }
}`;

export const CREATE_SOURCE = `mutation CreateSource($input: SourceInput!) { createSource(input: $input) { key title } }`;
export const CREATE_ENTITY = `mutation CreateEntity($input: EntityInput!) { createEntity(input: $input) { id name kind } }`;
export const UPDATE_ENTITY = `mutation UpdateEntity($id: ID!, $patch: EntityPatch!) { updateEntity(id: $id, patch: $patch) { id name } }`;
export const DELETE_ENTITY = `mutation DeleteEntity($id: ID!) { deleteEntity(id: $id) { id deleted } }`;
export const CREATE_LINK = `mutation CreateLink($input: LinkInput!) { createLink(input: $input) { id type from { id } to { id } } }`;
export const UPDATE_LINK = `mutation UpdateLink($id: ID!, $patch: LinkPatch!) { updateLink(id: $id, patch: $patch) { id validFrom validUntil form } }`;
export const DELETE_LINK = `mutation DeleteLink($id: ID!) { deleteLink(id: $id) { id deleted } }`;

/** Analysis jobs: the job's state, and its measure's answer (`result`: the selection of its result field). */
const JOB_FIELDS = 'id status progress stage error cached';
export const START_ANALYSIS = (result: string) => `mutation StartAnalysis($input: AnalysisInput!) { startAnalysis(input: $input) { ${JOB_FIELDS} ${result} } }`;
export const ANALYSIS_JOB = (result: string) => `query AnalysisJob($id: ID!) { analysisJob(id: $id) { ${JOB_FIELDS} ${result} } }`;
export const CANCEL_ANALYSIS = `mutation CancelAnalysis($id: ID!) { cancelAnalysis(id: $id) { id status } }`;
