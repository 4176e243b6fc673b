import DataLoader from 'dataloader';
import { describe, expect, it } from 'vitest';
import { EntityCache } from '../../server/src/modules/entities/loaders.js';
import type { EntityRow } from '../../server/src/modules/entities/statements.js';

const row = (id: string, name = id): EntityRow => ({ id, kind: 'Firm', name });

/** An entity loader over the cache whose batches are recorded: what the cache answers never reaches them. */
function loader() {
  const cache = new EntityCache();
  const batches: string[][] = [];
  const entity = new DataLoader<string, EntityRow | null>(
    async (ids) => {
      batches.push([...ids]);
      return ids.map((id) => (id.startsWith('firm:') ? row(id, `loaded ${id}`) : null));
    },
    { cacheMap: cache },
  );
  return { cache, entity, batches };
}

describe('the entity loader’s cache of rows statements brought', () => {
  it('answers known rows (and known absences) without a batch, keeping the first row given', async () => {
    const { cache, entity, batches } = loader();
    cache.know('firm:a', row('firm:a', 'first'));
    cache.know('firm:a', row('firm:a', 'second'));
    cache.know('firm:gone', null);
    expect(await entity.loadMany(['firm:a', 'firm:gone'])).toEqual([row('firm:a', 'first'), null]);
    expect(batches).toEqual([]);
    // The same promise from then on.
    expect(cache.get('firm:a')).toBe(cache.get('firm:a'));
  });

  it('loads what it does not know, and keeps what was loaded over a row given later', async () => {
    const { cache, entity, batches } = loader();
    expect(await entity.load('firm:b')).toEqual(row('firm:b', 'loaded firm:b'));
    cache.know('firm:b', row('firm:b', 'later'));
    expect(await entity.load('firm:b')).toEqual(row('firm:b', 'loaded firm:b'));
    expect(await entity.load('nobody')).toBeNull();
    expect(batches).toEqual([['firm:b'], ['nobody']]);
  });

  it('forgets a row when the loader clears it', async () => {
    const { cache, entity, batches } = loader();
    cache.know('firm:c', row('firm:c', 'known'));
    entity.clear('firm:c');
    expect(await entity.load('firm:c')).toEqual(row('firm:c', 'loaded firm:c'));
    cache.know('firm:d', row('firm:d'));
    entity.clearAll();
    expect(cache.get('firm:d')).toBeUndefined();
    expect(batches).toEqual([['firm:c']]);
  });
});
