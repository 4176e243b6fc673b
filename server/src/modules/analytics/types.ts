/**
 * What the analytics services return: the parents of the analytics GraphQL types (codegen `mappers`).
 * Actors travel as ids; the field resolvers load them in batches through the entity loader.
 */
import type { RoleValues } from '../../domain/brokerage.js';

/** Raw counts, expectations and z-scores of the five Gould–Fernandez roles and their total. */
export interface RoleFigures {
  raw: RoleValues;
  expected: RoleValues;
  z: RoleValues;
}

export interface BrokerageScoreModel extends RoleFigures {
  actorId: string;
  group: string;
}

export interface BrokerageReport {
  actors: number;
  arcs: number;
  density: number;
  groups: { group: string; size: number }[];
  network: RoleFigures;
  scores: BrokerageScoreModel[];
}

export interface TwoModeBrokerModel {
  institutionId: string;
  clusterIds: string[];
  crossClusterPairs: number;
  firms: number;
}

export interface StructuralHolesModel {
  actorId: string;
  degree: number;
  effectiveSize: number | null;
  efficiency: number | null;
  constraint: number | null;
  hierarchy: number | null;
}

/** The centrality measures computed for the whole network on first use (see centrality.ts). */
export type LazyMeasure = 'betweenness' | 'betweennessUndirected' | 'closeness' | 'pagerank';

export interface CentralityModel {
  actorId: string;
  inDegree: number;
  outDegree: number;
  degree: number;
  /** The actor's value of a dearer measure, computed (once for every actor) when first asked for. */
  measure: (m: LazyMeasure) => number;
}

export interface CommunityModel {
  id: number;
  size: number;
  memberIds: string[];
}

export interface TargetDependencyModel {
  targetId: string;
  mustPassThroughIds: string[];
}

export interface DependencyModel {
  actorId: string;
  reachableTargetIds: string[];
  mustPassThroughIds: string[];
  perTarget: TargetDependencyModel[];
}

export interface LostAccessModel {
  actorId: string;
  lostIds: string[];
  keptIds: string[];
  cutOff: boolean;
}

export interface BrokerageChangeModel {
  actorId: string;
  before: number;
  after: number;
}

export interface WhatIfModel {
  removedIds: string[];
  affected: LostAccessModel[];
  brokerageChanges: BrokerageChangeModel[];
  densityBefore: number;
  densityAfter: number;
}

/** One actor's estimated betweenness (approximateBetweenness). */
export interface BetweennessEstimateModel {
  actorId: string;
  betweenness: number;
}

/** Betweenness estimated from sampled sources, with the bound the sample guarantees (see domain/betweennessSample.ts). */
export interface ApproximateBetweennessModel {
  actors: number;
  arcs: number;
  directed: boolean;
  samples: number;
  seed: number;
  delta: number;
  errorBound: number;
  exact: boolean;
  scores: BetweennessEstimateModel[];
}
