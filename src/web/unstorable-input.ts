// Refuses input no person writes and PostgreSQL cannot store, before validation walks it: JSON nested deeper than a
// limit, and NUL characters (in the URL or in any string of the body).
import type { NextFunction, Request, Response } from 'express';

/** Nesting depth of a parsed JSON value and whether a string in it holds NUL, walked without recursion. */
export function inspectJson(value: unknown, stopAt: number): { depth: number; hasNul: boolean } {
  let depth = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, level] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { depth, hasNul: true };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (level + 1 > depth) depth = level + 1;
    if (depth > stopAt) return { depth, hasNul: false };
    for (const [key, child] of Array.isArray(v) ? v.entries() : Object.entries(v)) {
      if (typeof key === 'string' && key.includes('\u0000')) return { depth, hasNul: true };
      stack.push([child, level + 1]);
    }
  }
  return { depth, hasNul: false };
}

function refuse(res: Response, message: string): void {
  res.status(400).json({ statusCode: 400, error: 'Bad Request', message });
}

export function rejectUnstorableInput(maxDepth: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (/%00/i.test(req.originalUrl)) return refuse(res, 'the URL contains a NUL character (%00)');
    if (req.body && typeof req.body === 'object') {
      const { depth, hasNul } = inspectJson(req.body, maxDepth);
      if (depth > maxDepth) return refuse(res, `the JSON body is nested deeper than ${maxDepth} levels`);
      if (hasNul) return refuse(res, 'the body contains a NUL character (\\u0000), which cannot be stored');
    }
    next();
  };
}
