/** The GraphQL IDE's starting document: one example for each kind of user (see README, Query guide). */
export const exampleQueries = `# Cluster graph — example queries. Pick one with the ▶ button's menu.

# Analyst: a cluster's collective efficiency, printed and recomputed, and where each figure comes from.
query ClusterProfile {
  entity(id: "cluster:sinos-valley-footwear") {
    name
    cluster { sectorGroup printed { eei jai ce degree } recomputed { ce degree } flags governanceCodes { market network quasiHierarchy hierarchy } }
    sources { doc lines quote finding }
  }
}

# Network broker: find an actor by name, accents optional.
query FindActor {
  search(text: "espirito santo metal") { kind score entity { id name } }
}

# Researcher: clusters of one sector group, sorted by their printed CE index.
query ClustersByCe {
  clusters(filter: { sectorGroup: NATURAL_RESOURCE }, sort: CE, descending: true, first: 20) {
    totalCount
    nodes { id name cluster { printed { ce degree } recomputed { ce } disagrees } }
  }
}

query Health { health { ok neo4j entities } }
`;
