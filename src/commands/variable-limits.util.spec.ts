// checkVariableLimits refuses too many names (413), too many bytes (413) and too deep nesting (400), naming the limit.
import { DomainError, ErrorCode } from '../common/domain-error';
import { checkVariableLimits, nestingOf } from './variable-limits.util';

const limits = { maxCount: 3, maxBytes: 40, maxDepth: 2 };
const refusal = (variables: Record<string, unknown>) => {
  try {
    checkVariableLimits({ variables, limits });
    return null;
  } catch (err) {
    return { code: (err as DomainError).code, message: (err as Error).message };
  }
};

describe('variable limits', () => {
  it('accepts what is within every limit, and no variables at all', () => {
    expect(refusal({ a: 1, b: { c: [1] } })).toBeNull();
    expect(() => checkVariableLimits({ variables: undefined, limits })).not.toThrow();
  });

  it('names the limit that was broken', () => {
    expect(refusal({ a: 1, b: 2, c: 3, d: 4 })).toEqual({ code: ErrorCode.TooLarge, message: 'the command has 4 variables; at most 3 are accepted per command (VARIABLES_MAX_COUNT)' });
    expect(refusal({ a: { b: { c: [] } } })).toEqual({ code: ErrorCode.Invalid, message: 'a variable is nested more than 2 levels deep (VARIABLES_MAX_DEPTH)' });
    expect(refusal({ a: 'é'.repeat(20) })?.message).toBe('the variables take 48 bytes as JSON; at most 40 bytes are accepted per command (VARIABLES_MAX_BYTES)');
  });

  it('reads nesting from the JSON text, ignoring brackets inside strings', () => {
    expect(nestingOf(`{"v":${'['.repeat(100_000)}${']'.repeat(100_000)}}`)).toBe(100_000);
    expect(nestingOf(JSON.stringify({ a: 1, b: 'x[{', c: 'q\\"[' }))).toBe(0);
    expect(nestingOf(JSON.stringify({ a: { b: [1, { c: '}}]]' }] } }))).toBe(3);
    expect(nestingOf('{}')).toBe(0);
  });
});
