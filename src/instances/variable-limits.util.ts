// Bounds on the variables one command brings (count, size as JSON, nesting), checked before the engine sees them.
import { DomainError, ErrorCode } from '../common/domain-error';

export interface VariableLimits {
  maxCount: number;
  maxBytes: number;
  maxDepth: number;
}

/** Levels of objects and arrays inside the variables (a scalar variable is 0), walked without recursion; stops past `stopAt`. */
export function nestingOf(variables: Record<string, unknown>, stopAt: number): number {
  let deepest = 0;
  // Only objects and arrays are stacked, with their level beside them: scalars cost a type check, no allocation.
  const containers: object[] = [];
  const levels: number[] = [];
  const visit = (values: unknown[], level: number) => {
    for (const value of values) {
      if (value === null || typeof value !== 'object') continue;
      containers.push(value);
      levels.push(level);
    }
  };
  visit(Object.values(variables), 1);
  while (containers.length) {
    const value = containers.pop()!;
    const level = levels.pop()!;
    if (level > deepest) deepest = level;
    if (deepest > stopAt) return deepest;
    visit(Array.isArray(value) ? value : Object.values(value), level + 1);
  }
  return deepest;
}

/** Throws a 413 (count, bytes) or 400 (depth) naming the limit and its value; the cheap checks come first. */
export function checkVariableLimits({ variables, limits }: { variables: Record<string, unknown> | undefined; limits: VariableLimits }): void {
  if (!variables) return;
  const count = Object.keys(variables).length;
  if (count > limits.maxCount) {
    throw new DomainError(ErrorCode.TooLarge, `the command has ${count} variables; at most ${limits.maxCount} are accepted per command (VARIABLES_MAX_COUNT)`);
  }
  const depth = nestingOf(variables, limits.maxDepth);
  if (depth > limits.maxDepth) {
    throw new DomainError(ErrorCode.Invalid, `a variable is nested more than ${limits.maxDepth} levels deep (VARIABLES_MAX_DEPTH)`);
  }
  const bytes = Buffer.byteLength(JSON.stringify(variables));
  if (bytes > limits.maxBytes) {
    throw new DomainError(ErrorCode.TooLarge, `the variables take ${bytes} bytes as JSON; at most ${limits.maxBytes} bytes are accepted per command (VARIABLES_MAX_BYTES)`);
  }
}
