import type { IResolvers } from '@graphql-tools/utils';
import path from 'node:path';
import type { Statement } from '../neo4j/statement.js';
import { fromRoot } from '../paths.js';
import { analyticsResolvers } from './analytics/resolvers.js';
import { analyticsStatements } from './analytics/statements.js';
import { clusterResolvers } from './clusters/resolvers.js';
import { clustersStatements } from './clusters/statements.js';
import { consoleResolvers } from './console/resolvers.js';
import { consoleStatements } from './console/statements.js';
import { enumResolvers } from './core/enums.js';
import { coreResolvers } from './core/resolvers.js';
import { coreStatements } from './core/statements.js';
import { editingResolvers } from './editing/resolvers.js';
import { editingStatements } from './editing/statements.js';
import { entityResolvers } from './entities/resolvers.js';
import { entitiesStatements } from './entities/statements.js';
import { exportResolvers } from './export/resolvers.js';
import { exportStatements } from './export/statements.js';
import { importResolvers } from './import/resolvers.js';
import { importStatements } from './import/statements.js';
import { jobsResolvers } from './jobs/resolvers.js';
import { jobsStatements } from './jobs/statements.js';
import { networkResolvers } from './network/resolvers.js';
import { networkStatements } from './network/statements.js';
import { seedStatements } from './seeds/statements.js';

// The SDL files stay beside their modules' sources (the compiled dist/ tree holds no .graphql files).
const here = fromRoot('server', 'src', 'modules');

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
  { name: 'console', sdl: path.join(here, 'console/console.graphql'), resolvers: consoleResolvers as IResolvers },
  { name: 'import', sdl: path.join(here, 'import/import.graphql'), resolvers: importResolvers as IResolvers },
  { name: 'export', sdl: path.join(here, 'export/export.graphql'), resolvers: exportResolvers as IResolvers },
  { name: 'jobs', sdl: path.join(here, 'jobs/jobs.graphql'), resolvers: jobsResolvers as IResolvers },
];

/** Every Cypher statement the code runs, checked against cypher/ at start-up (`checkStatements`). */
export const declaredStatements: Statement<unknown>[] = [
  coreStatements,
  entitiesStatements,
  networkStatements,
  clustersStatements,
  analyticsStatements,
  editingStatements,
  consoleStatements,
  seedStatements,
  exportStatements,
  importStatements,
  jobsStatements,
].flatMap((set) => Object.values(set) as Statement<unknown>[]);
