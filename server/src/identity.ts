import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Who is calling, and what they may do. Roles are ordered: a reader reads, an editor also edits, an admin
 * also reads the audit trail. Reads are public unless READ_ACCESS=key.
 *
 * API keys are random 32-byte secrets handed out by `npm run apikey`; the server stores only their SHA-256
 * (API_KEYS="name:role:sha256hex,…"). A salt adds nothing for secrets of that entropy, and a plain hash
 * lets the check run in constant time without a key-derivation cost on every request.
 */
export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKey {
  name: string;
  role: Role;
  /** SHA-256 of the key, hex. */
  hash: string;
}

export interface Identity {
  /** `anonymous`, the key's name, or the name an EDITOR_TOKEN holder gives in X-Editor-Name. */
  name: string;
  role: Role | 'anonymous';
}

export const ANONYMOUS: Identity = { name: 'anonymous', role: 'anonymous' };

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new random key (URL-safe) and the API_KEYS entry that stores its hash. */
export function newApiKey(name: string, role: Role): { key: string; entry: string } {
  const key = `cg_${randomBytes(32).toString('base64url')}`;
  return { key, entry: `${name}:${role}:${hashKey(key)}` };
}

/** Parses API_KEYS; each malformed entry is reported with its position and the expected form. */
export function parseApiKeys(spec: string): { keys: ApiKey[]; problems: string[] } {
  const keys: ApiKey[] = [];
  const problems: string[] = [];
  spec.split(',').map((s) => s.trim()).filter(Boolean).forEach((entry, i) => {
    const [name, role, hash, ...rest] = entry.split(':');
    if (!name || !/^[\w.@-]{1,64}$/.test(name) || !ROLES.includes(role as Role) || !hash || !/^[0-9a-f]{64}$/.test(hash) || rest.length) {
      problems.push(`entry ${i + 1} must be name:role:sha256hex with role reader, editor or admin (make one with \`npm run apikey -- NAME ROLE\`)`);
      return;
    }
    if (keys.some((k) => k.name === name)) problems.push(`entry ${i + 1}: the name ${name} is used twice`);
    keys.push({ name, role: role as Role, hash });
  });
  return { keys, problems };
}

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));

/**
 * The identity behind an `Authorization: Bearer …` header: an API key, the shared EDITOR_TOKEN (an editor
 * named by X-Editor-Name), or anonymous without a header. A token that matches nothing is `null`: the
 * caller meant to authenticate and must be told it failed, not be served as anonymous.
 */
export function identify(header: string | undefined, opts: { keys: ApiKey[]; editorToken?: string; editorName?: string }): Identity | null {
  if (!header) return ANONYMOUS;
  const token = /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1];
  if (!token) return null;
  const hash = hashKey(token);
  const key = opts.keys.find((k) => sameHash(k.hash, hash));
  if (key) return { name: key.name, role: key.role };
  if (opts.editorToken && sameHash(hashKey(opts.editorToken), hash)) return { name: opts.editorName?.slice(0, 100) || 'editor', role: 'editor' };
  return null;
}

const RANK: Record<Identity['role'], number> = { anonymous: 0, reader: 1, editor: 2, admin: 3 };

/** True when the identity holds `role` or a higher one. */
export function hasRole(identity: Identity, role: Role): boolean {
  return RANK[identity.role] >= RANK[role];
}
