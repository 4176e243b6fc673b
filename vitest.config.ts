import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * Three projects, one run (`npm test` runs them all):
 * - `unit`: pure functions and modules, no database and no Java (`npx vitest run --project unit`);
 * - `integration`: Cypher, GraphQL and process tests against the real Neo4j that test/globalSetup.ts starts
 *   once per run (or NEO4J_URI);
 * - `browser`: the viewer in Debian's Chromium against the same database.
 * The database projects share one Neo4j (the setup is reference-counted) and run their files one at a time:
 * they isolate their writes by id (see test/helpers/db.ts), and the machine has two cores.
 */
export default defineConfig({
  // graphql ships CommonJS (main) and ESM (module) builds; Node and tsx load the CommonJS one, and so must
  // the tests, or errors made by one copy fail `instanceof` checks in the other (graphql-http's among them).
  resolve: { alias: { graphql: require.resolve('graphql') } },
  test: {
    reporters: ['default'],
    maxWorkers: 1,
    fileParallelism: false,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'], globalSetup: ['test/globalSetup.ts'], testTimeout: 60_000, hookTimeout: 180_000 },
      },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], globalSetup: ['test/globalSetup.ts'], testTimeout: 60_000, hookTimeout: 180_000 } },
    ],
  },
});
