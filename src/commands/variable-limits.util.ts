// Bounds on the variables one command brings (count, size as JSON, nesting), checked before the engine sees them.
import { DomainError, ErrorCode } from '../common/domain-error';

export interface VariableLimits {
  maxCount: number;
  maxBytes: number;
  maxDepth: number;
}

/**
 * Levels of objects and arrays inside the variables (a scalar variable is 0), read from their JSON text: one pass over
 * characters, several times faster than walking a large object's keys, and the text is needed for the size anyway.
 */
export function nestingOf(json: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return Math.max(0, deepest - 1); // the variables object itself is the first level
}

/** Throws a 413 (count, bytes) or 400 (depth) naming the limit and its value; the cheap checks come first. */
export function checkVariableLimits({ variables, limits }: { variables: Record<string, unknown> | undefined; limits: VariableLimits }): void {
  if (!variables) return;
  const count = Object.keys(variables).length;
  if (count > limits.maxCount) {
    throw new DomainError(ErrorCode.TooLarge, `the command has ${count} variables; at most ${limits.maxCount} are accepted per command (VARIABLES_MAX_COUNT)`);
  }
  const json = JSON.stringify(variables);
  const bytes = Buffer.byteLength(json);
  if (bytes > limits.maxBytes) {
    throw new DomainError(ErrorCode.TooLarge, `the variables take ${bytes} bytes as JSON; at most ${limits.maxBytes} bytes are accepted per command (VARIABLES_MAX_BYTES)`);
  }
  if (nestingOf(json) > limits.maxDepth) {
    throw new DomainError(ErrorCode.Invalid, `a variable is nested more than ${limits.maxDepth} levels deep (VARIABLES_MAX_DEPTH)`);
  }
}
