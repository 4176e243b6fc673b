"""Reference measures by networkx (Debian python3-networkx), for comparison with the service.
Reads JSON {"nodes": [...], "arcs": [[a, b], ...], "root": id or null} on stdin; writes JSON of measures.
NaN (networkx's undefined) is written as null."""
import json
import math
import sys

import networkx as nx

data = json.load(sys.stdin)
G = nx.DiGraph()
G.add_nodes_from(data["nodes"])
G.add_edges_from(data["arcs"])
U = G.to_undirected()

def clean(d):
    return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in d.items()}

out = {
    "constraint": clean(nx.constraint(G)),
    "effective_size": clean(nx.effective_size(G)),
    "betweenness": nx.betweenness_centrality(G, normalized=True),
    "betweenness_undirected": nx.betweenness_centrality(U, normalized=True),
    "closeness": nx.closeness_centrality(U),
    "pagerank": nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10000),
    "density": nx.density(G),
    "reciprocity": nx.overall_reciprocity(G) if G.number_of_edges() else 0,
    "weak": nx.number_weakly_connected_components(G),
    "strong": nx.number_strongly_connected_components(G),
}
if data.get("root") is not None:
    out["idom"] = nx.immediate_dominators(G, data["root"])
json.dump(out, sys.stdout)
