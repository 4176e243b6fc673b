/** The GraphQL IDE's starting document: examples for each kind of user (the README's query guide). */
export const exampleQueries = `# Cluster graph — example queries. Run one with the ▶ button (it asks which).

# ANALYST — a cluster's collective efficiency (printed and recomputed), its chains side by side, sources.
query ClusterProfile {
  entity(id: "cluster:sinos-valley-footwear") {
    name
    cluster {
      sectorGroup
      printed { eei jai ce degree }
      recomputed { eei jai ce degree }
      flags
      governanceCodes { market { code label meaning } quasiHierarchy { code label meaning } }
      upgradingScores { product process functional }
    }
    chains { role chain { name chain { governanceHS governanceGHS market endMarket driver } } }
    sources { doc lines quote finding }
  }
}

# ANALYST — Tables 17-19 recomputed from the clusters, next to the printed averages.
query SectorGroupAverages {
  collectiveEfficiencyAverages(groupBy: SECTOR_GROUP) {
    key clusters
    measures { measure mean meanOfPrinted printed agrees }
  }
}

# ANALYST — a value chain traced downstream, tier by tier, with the governance of each link.
query TraceChain {
  traceValueChain(id: "cluster:sinos-valley-footwear", direction: DOWNSTREAM, tiers: 3) {
    tiers { tier nodes { id name } }
    edges { tier edge { type source target provenance { doc lines quote } } governanceHS }
  }
}

# BROKER — find an actor by name (accents optional).
query FindActor {
  search(text: "espirito santo metal") { kind score entity { id name } }
}

# BROKER — who could introduce Chipilo's subcontractors to US buyers, and who they depend on.
query Introductions {
  paths(from: "firm:chipilo-subcontractors", to: { kinds: [BUYER] }, mode: K_SHORTEST, k: 2, maxLength: 4, direction: OUT) {
    count
    paths { length nodes { name } edges { type provenance { doc quote } } }
  }
  dependency(id: "firm:chipilo-subcontractors") { mustPassThrough { name } reachableTargets { name } }
}

# BROKER — what if Segusino goes bankrupt (as it did in January 2003)?
query SegusinoWhatIf {
  whatIf(remove: ["firm:segusino"]) {
    affected { actor { name } lost { name } cutOff }
    brokerageChanges { actor { name } before after }
  }
}

# RESEARCHER — Gould-Fernandez brokerage by actor kind in one cluster (as sna::brokerage).
query Brokerage {
  brokerage(scope: { clusterId: "cluster:espirito-santo-metalworking" }, partition: { by: KIND }, first: 10) {
    actors arcs density
    network { raw { total } expected { total } z { total } }
    scores { actor { name } group raw { coordinator itinerant representative gatekeeper liaison total } z { total } }
  }
}

# RESEARCHER — Burt's structural holes and centrality on the supply and support layer.
query Holes {
  structuralHoles(scope: { types: [SUPPLIES, SUBCONTRACTOR_OF, SELLS_TO, SUPPORTS] }, first: 10) {
    actor { name } degree effectiveSize efficiency constraint hierarchy
  }
  centrality(sortBy: BETWEENNESS, first: 10) { actor { name } betweenness closeness pagerank }
}
`;
