import type { IResolvers } from '@graphql-tools/utils';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { enumResolvers } from '../graphql/enums.js';
import { analyticsResolvers } from './analytics/resolvers.js';
import { clusterResolvers } from './clusters/resolvers.js';
import { coreResolvers } from './core/resolvers.js';
import { editingResolvers } from './editing/resolvers.js';
import { entityResolvers } from './entities/resolvers.js';
import { networkResolvers } from './network/resolvers.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface GraphqlModule {
  name: string;
  /** Path of the module's SDL file. */
  sdl: string;
  resolvers: IResolvers;
}

/** Every GraphQL module: its SDL file beside its resolvers. */
export const modules: GraphqlModule[] = [
  { name: 'core', sdl: path.join(here, 'core/core.graphql'), resolvers: { ...coreResolvers, ...enumResolvers } as IResolvers },
  { name: 'entities', sdl: path.join(here, 'entities/entities.graphql'), resolvers: entityResolvers as IResolvers },
  { name: 'network', sdl: path.join(here, 'network/network.graphql'), resolvers: networkResolvers as IResolvers },
  { name: 'clusters', sdl: path.join(here, 'clusters/clusters.graphql'), resolvers: clusterResolvers as IResolvers },
  { name: 'analytics', sdl: path.join(here, 'analytics/analytics.graphql'), resolvers: analyticsResolvers as IResolvers },
  { name: 'editing', sdl: path.join(here, 'editing/editing.graphql'), resolvers: editingResolvers as IResolvers },
];
