import { spawnSync } from 'node:child_process';

/**
 * Reads a GEXF or GraphML file with networkx (Debian's python3-networkx, 2.8), as a researcher would, and
 * returns what it read: graph kind, graph attributes, every node's and edge's data.
 * networkx 2.8 predates GEXF 1.3 (networkx 3 reads it natively); the script registers the 1.3 namespace
 * exactly as networkx 3 declares it, and nothing else, so the reading itself is networkx's own.
 */
const SCRIPT = String.raw`
import json, sys
import networkx as nx
from networkx.readwrite.gexf import GEXF
GEXF.versions.setdefault("1.3", {
    "NS_GEXF": "http://gexf.net/1.3",
    "NS_VIZ": "http://gexf.net/1.3/viz",
    "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
    "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
    "VERSION": "1.3",
})
path, fmt = sys.argv[1], sys.argv[2]
g = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
print(json.dumps({
    "version": nx.__version__,
    "directed": g.is_directed(),
    "multigraph": g.is_multigraph(),
    "graph": {k: v for k, v in g.graph.items() if isinstance(v, (str, int, float, bool))},
    "nodes": {n: d for n, d in g.nodes(data=True)},
    # In a multigraph networkx keeps a GraphML edge's id as its key rather than in its data.
    "edges": [dict(d, _source=u, _target=v, _id=d.get("id", k)) for u, v, k, d in g.edges(keys=True, data=True)]
        if g.is_multigraph() else [dict(d, _source=u, _target=v, _id=d.get("id")) for u, v, d in g.edges(data=True)],
}, default=str))
`;

export interface NetworkxGraph {
  version: string;
  directed: boolean;
  multigraph: boolean;
  graph: Record<string, unknown>;
  nodes: Record<string, Record<string, unknown>>;
  /** Each edge's data, its ends and its id (`_id`, from the file's edge id wherever networkx put it). */
  edges: (Record<string, unknown> & { _source: string; _target: string; _id: string })[];
}

export function readWithNetworkx(file: string, format: 'gexf' | 'graphml'): NetworkxGraph {
  const r = spawnSync('/usr/bin/python3', ['-c', SCRIPT, file, format], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`networkx could not read ${file}: ${r.stderr || r.error?.message}`);
  return JSON.parse(r.stdout) as NetworkxGraph;
}
