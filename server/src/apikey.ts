import { newApiKey, ROLES, type Role } from './identity.js';

/**
 * `npm run apikey -- NAME ROLE`: makes a random API key. The key is printed once, for its holder; the
 * API_KEYS entry printed below it holds only the key's SHA-256 and goes into the server's configuration.
 */
const [name, role] = process.argv.slice(2);
if (!name || !/^[\w.@-]{1,64}$/.test(name) || !ROLES.includes(role as Role)) {
  process.stderr.write(`usage: npm run apikey -- NAME ROLE   (NAME: letters, digits, . _ @ -; ROLE: ${ROLES.join(', ')})\n`);
  process.exit(2);
}
const { key, entry } = newApiKey(name, role as Role);
process.stdout.write(`API key for ${name} (${role}) — give it to them, it is not stored anywhere:\n  ${key}\n`);
process.stdout.write(`Add this entry to API_KEYS (comma-separated) on the server:\n  ${entry}\n`);
