import { defineConfig } from 'vite';

/** The viewer: built into client/dist and served by the service at /. */
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
