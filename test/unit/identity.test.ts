import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { ANONYMOUS, hashKey, hasRole, identify, newApiKey, parseApiKeys } from '../../server/src/identity.js';

describe('API keys', () => {
  it('stores only the SHA-256 of a new key, and that entry parses back', () => {
    const { key, entry } = newApiKey('alice', 'editor');
    expect(entry).toBe(`alice:editor:${hashKey(key)}`);
    expect(entry).not.toContain(key);
    expect(parseApiKeys(entry)).toEqual({ keys: [{ name: 'alice', role: 'editor', hash: hashKey(key) }], problems: [] });
  });

  it('reports each malformed entry by position with the expected form, and a name used twice', () => {
    const h = hashKey('x');
    const { problems } = parseApiKeys(`ok:reader:${h}, bad:owner:${h}, short:admin:abc, ok:admin:${h}`);
    expect(problems).toEqual([
      expect.stringMatching(/^entry 2 must be name:role:sha256hex/),
      expect.stringMatching(/^entry 3 must be name:role:sha256hex/),
      'entry 4: the name ok is used twice',
    ]);
  });

  it('stops start-up with the bad API_KEYS entry named', () => {
    expect(() => loadConfig({ API_KEYS: 'alice:superuser:00' })).toThrowError(/API_KEYS: entry 1 must be name:role:sha256hex/);
  });
});

describe('who is calling', () => {
  const keys = [{ name: 'rita', role: 'reader' as const, hash: hashKey('reader-secret') }, { name: 'ada', role: 'admin' as const, hash: hashKey('admin-secret') }];

  it('is anonymous without an Authorization header', () => {
    expect(identify(undefined, { keys })).toBe(ANONYMOUS);
  });

  it('is the key holder, with the key role', () => {
    expect(identify('Bearer reader-secret', { keys })).toEqual({ name: 'rita', role: 'reader' });
    expect(identify('bearer admin-secret', { keys })).toEqual({ name: 'ada', role: 'admin' });
  });

  it('is an editor named by X-Editor-Name with the shared EDITOR_TOKEN', () => {
    expect(identify('Bearer shared-editor-token', { keys, editorToken: 'shared-editor-token', editorName: 'Maria' })).toEqual({ name: 'Maria', role: 'editor' });
  });

  it('is nobody (null, a 401) for a token that matches no key, or a header that is not a bearer token', () => {
    expect(identify('Bearer guess', { keys, editorToken: 'shared-editor-token' })).toBeNull();
    expect(identify('Basic dXNlcjpwYXNz', { keys })).toBeNull();
  });

  it('ranks roles: admin ⊇ editor ⊇ reader ⊇ anonymous', () => {
    expect(hasRole({ name: 'a', role: 'admin' }, 'editor')).toBe(true);
    expect(hasRole({ name: 'e', role: 'editor' }, 'admin')).toBe(false);
    expect(hasRole({ name: 'r', role: 'reader' }, 'reader')).toBe(true);
    expect(hasRole(ANONYMOUS, 'reader')).toBe(false);
  });
});
