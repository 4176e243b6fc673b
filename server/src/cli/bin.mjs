#!/usr/bin/env node
// `npx kg` (package.json "bin"): runs the TypeScript sources through tsx where it is installed (a development
// checkout), else the compiled dist/ (`npm run build`, the Docker image).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let entry;
try {
  createRequire(import.meta.url).resolve('tsx');
  const { register } = await import('tsx/esm/api');
  register();
  entry = new URL('./kg.ts', import.meta.url).href;
} catch {
  const compiled = `${root}dist/server/src/cli/kg.js`;
  if (!existsSync(compiled)) {
    process.stderr.write('kg: neither tsx (npm install) nor the compiled dist/ (npm run build) is here.\n');
    process.exit(2);
  }
  entry = new URL(`file://${compiled}`).href;
}
const { runAsProcess } = await import(entry);
await runAsProcess();
