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
  const stack: [unknown, number][] = Object.values(variables).map((v) => [v, 0]);
  while (stack.length) {
    const [value, level] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (level + 1 > deepest) deepest = level + 1;
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(value)) stack.push([child, level + 1]);
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
