// inspectJson counts nesting without recursion, stops early on hostile input, and finds NUL in keys and values.
import { inspectJson } from './unstorable-input';

describe('inspectJson', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(inspectJson(1, 64).depth).toBe(0);
    expect(inspectJson({}, 64).depth).toBe(1);
    expect(inspectJson({ a: [1, { b: null }] }, 64)).toEqual({ depth: 3, hasNul: false, flaw: null });
  });

  it('handles 100,000 levels without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(inspectJson(deep, 64).depth).toBe(65);
  });

  it('finds NUL in nested values and keys', () => {
    expect(inspectJson({ a: [{ b: 'x\u0000y' }] }, 64).hasNul).toBe(true);
    expect(inspectJson({ 'k\u0000': 1 }, 64).hasNul).toBe(true);
    expect(inspectJson({ a: 'plain' }, 64).hasNul).toBe(false);
  });
});

describe('unstorable strings', () => {
  it('finds lone surrogates in nested values and keys, and lets paired ones through', () => {
    expect(inspectJson({ a: ['ok', { b: 'x\ud800' }] }, 64).flaw).toBe('surrogate');
    expect(inspectJson({ ['\udc00k']: 1 }, 64).flaw).toBe('surrogate');
    expect(inspectJson({ a: '😀 \ud83d\ude00' }, 64).flaw).toBeNull();
  });
});
