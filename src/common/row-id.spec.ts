import { newRowId } from './row-id';

describe('newRowId', () => {
  it('gives version-7 UUIDs that sort in the order they were made, within one millisecond too', () => {
    const ids = Array.from({ length: 2000 }, () => newRowId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
  });

  it('starts with the creation time in milliseconds', () => {
    const before = Date.now();
    const id = newRowId();
    const ms = Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });
});
