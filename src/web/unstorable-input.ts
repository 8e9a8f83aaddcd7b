// Refuses input no person writes and PostgreSQL cannot store, before validation walks it: JSON nested deeper than a
// limit, NUL characters (in the URL or in any string of the body) and lone UTF-16 surrogates (not Unicode at all).
import type { NextFunction, Request, Response } from 'express';

export type Unstorable = 'nul' | 'surrogate' | null;

// Node ≥ 20 has String.prototype.isWellFormed (ES2024); the TypeScript lib this project targets does not list it yet.
const wellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

/** Why a string cannot be stored: NUL (PostgreSQL text and jsonb refuse it) or a lone surrogate (not valid UTF-8). */
export function unstorableString(s: string): Unstorable {
  if (s.includes('\u0000')) return 'nul';
  return wellFormed(s) ? null : 'surrogate';
}

/** Nesting depth of a parsed JSON value and the first unstorable string in it (key or value), walked without recursion. */
export function inspectJson(value: unknown, stopAt: number): { depth: number; hasNul: boolean; flaw: Unstorable } {
  let depth = 0;
  const found = (flaw: Unstorable) => ({ depth, hasNul: flaw === 'nul', flaw });
  // Strings are checked where they are met; only objects and arrays are stacked, with their level beside them.
  const containers: object[] = [];
  const levels: number[] = [];
  const meet = (v: unknown, level: number): Unstorable => {
    if (typeof v === 'string') return unstorableString(v);
    if (v !== null && typeof v === 'object') {
      containers.push(v);
      levels.push(level);
    }
    return null;
  };
  let flaw = meet(value, 1);
  while (!flaw && containers.length) {
    const v = containers.pop()!;
    const level = levels.pop()!;
    if (level > depth) depth = level;
    if (depth > stopAt) return found(null);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length && !flaw; i++) flaw = meet(v[i], level + 1);
      continue;
    }
    for (const key of Object.keys(v)) {
      flaw = unstorableString(key) ?? meet((v as Record<string, unknown>)[key], level + 1);
      if (flaw) break;
    }
  }
  return found(flaw);
}

const FLAW_MESSAGE: Record<'nul' | 'surrogate', string> = {
  nul: 'the body contains a NUL character (\\u0000), which cannot be stored',
  surrogate: 'the body contains a lone UTF-16 surrogate (\\ud800–\\udfff without its pair), which is not valid Unicode and cannot be stored',
};

function refuse(res: Response, message: string): void {
  res.status(400).json({ statusCode: 400, error: 'Bad Request', message });
}

export function rejectUnstorableInput(maxDepth: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (/%00/i.test(req.originalUrl)) return refuse(res, 'the URL contains a NUL character (%00)');
    if (req.body && typeof req.body === 'object') {
      const { depth, flaw } = inspectJson(req.body, maxDepth);
      if (depth > maxDepth) return refuse(res, `the JSON body is nested deeper than ${maxDepth} levels`);
      if (flaw) return refuse(res, FLAW_MESSAGE[flaw]);
    }
    next();
  };
}
