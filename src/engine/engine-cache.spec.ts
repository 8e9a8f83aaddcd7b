// The engine cache's own rules: revision match, taken out while in use, least recently used out by count and bytes.
import { loadConfig } from '../config/app-config';
import { EngineCache, HEAP_PER_STATE_BYTE } from './engine-cache';
import type { LiveEngine } from './live-engine';

const engine = (name: string) => ({ name, revision: -1, bytes: 0 }) as unknown as LiveEngine;
const cache = (count: number, mb: number) => new EngineCache(loadConfig({ ENGINE_CACHE_MAX_COUNT: String(count), ENGINE_CACHE_MAX_MB: String(mb) }));

describe('EngineCache', () => {
  it('gives an engine back only at the revision it was put under, and only once', () => {
    // given
    const c = cache(10, 10);
    const a = engine('a');
    c.put('i1', 3, a, 100);
    // when / then: another revision drops it
    expect(c.take('i1', 4)).toBeUndefined();
    expect(c.take('i1', 3)).toBeUndefined();
    // and at its revision it is taken out
    c.put('i1', 3, a, 100);
    expect(c.take('i1', 3)).toBe(a);
    expect(c.take('i1', 3)).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('drops an engine its command cannot use', () => {
    const c = cache(10, 10);
    c.put('i1', 1, engine('a'), 100);
    expect(c.take('i1', 1, () => false)).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('evicts the least recently put engines beyond the count', () => {
    const c = cache(2, 10);
    c.put('i1', 1, engine('a'), 10);
    c.put('i2', 1, engine('b'), 10);
    c.put('i3', 1, engine('c'), 10);
    expect(c.size).toBe(2);
    expect(c.take('i1', 1)).toBeUndefined();
    expect(c.take('i3', 1)).toBeDefined();
  });

  it('evicts beyond the byte budget, counting heap per state byte, and refuses one engine larger than it', () => {
    // given a 1 MiB budget: engines of 2,000 state bytes each take 2,000 × HEAP_PER_STATE_BYTE
    const c = cache(100, 1);
    const perEngine = 2000 * HEAP_PER_STATE_BYTE;
    const fit = Math.floor((1024 * 1024) / perEngine);
    // when
    for (let i = 0; i <= fit; i++) c.put(`i${i}`, 1, engine(`e${i}`), 2000);
    // then
    expect(c.size).toBe(fit);
    expect(c.usedBytes).toBe(fit * perEngine);
    expect(c.take('i0', 1)).toBeUndefined();
    c.put('huge', 1, engine('huge'), 1024 * 1024);
    expect(c.take('huge', 1)).toBeUndefined();
  });

  it('keeps nothing when disabled', () => {
    const c = cache(0, 10);
    c.put('i1', 1, engine('a'), 10);
    expect(c.enabled).toBe(false);
    expect(c.take('i1', 1)).toBeUndefined();
  });
});
