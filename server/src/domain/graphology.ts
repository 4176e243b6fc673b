/**
 * graphology's measure packages are CommonJS modules whose typings declare ES default exports; under
 * NodeNext the default import is the whole module object. This one place unwraps them with their types.
 */
import closenessModule from 'graphology-metrics/centrality/closeness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import louvainModule from 'graphology-communities-louvain';

function unwrap<T>(m: { default: T } | T): T {
  return ((m as { default?: T }).default ?? m) as T;
}

export const closeness = unwrap(closenessModule);
export const pagerank = unwrap(pagerankModule);
export const louvain = unwrap(louvainModule);
