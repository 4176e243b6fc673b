// Joint-action view: one cluster's cooperation network (`jointAction`), links coloured by joint-action form.
import { gql } from '../api/client.js';
import { JOINT_ACTION } from '../api/queries.js';
import type { Subgraph } from '../api/types.js';
import { toElementSet } from '../graph/elements.js';
import type { ViewResult } from './types.js';

export interface JointSummary {
  density: number;
  actors: number;
  withinGroup: number;
  byForm: { form: string; count: number }[];
  cluster: { id: string; name: string };
}

export async function loadJoint(clusterId: string, year: number | null): Promise<ViewResult & { summary: JointSummary }> {
  const { jointAction } = await gql<{ jointAction: JointSummary & { subgraph: Subgraph } }>(JOINT_ACTION, { clusterId, year });
  const set = toElementSet(jointAction.subgraph.nodes, jointAction.subgraph.edges, (e) => (e.type === 'COOPERATES_WITH' ? { formKey: e.form ?? 'unspecified' } : {}));
  const { subgraph, ...summary } = jointAction;
  return { set, layout: 'network', truncatedBy: subgraph.truncated ? 'MAX_SUBGRAPH_NODES' : null, summary };
}
