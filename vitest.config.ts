import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * One run, every layer: unit tests (no database), query and GraphQL tests against the real Neo4j that
 * test/globalSetup.ts starts once (or NEO4J_URI), and browser tests in Debian's Chromium.
 */
export default defineConfig({
  // graphql ships CommonJS (main) and ESM (module) builds; Node and tsx load the CommonJS one, and so must
  // the tests, or errors made by one copy fail `instanceof` checks in the other (graphql-http's among them).
  resolve: { alias: { graphql: require.resolve('graphql') } },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Files share one database; they isolate their writes by id (see test/helpers/db.ts).
    fileParallelism: false,
    reporters: ['default'],
  },
});
