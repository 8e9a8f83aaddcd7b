// The restricted expression language of our dialect: FEEL (via feelin) behind a leading '='; never JavaScript.
import { evaluate, parseExpression } from 'feelin';

/** Names that have no business in a diagram expression; refused at deploy and at run time. */
const FORBIDDEN_NAMES = ['constructor', '__proto__', 'prototype', 'process', 'globalThis', 'global', 'require', 'eval', 'Function', 'module', 'import'];
const FORBIDDEN = new RegExp(`(^|[^\\w])(${FORBIDDEN_NAMES.join('|')})([^\\w]|$)`);
const MAX_EXPRESSION_LENGTH = 2000;

export function isFeel(text: unknown): text is string {
  return typeof text === 'string' && text.trimStart().startsWith('=');
}

/**
 * Evaluation must stay bounded by the size of the data: no user-defined functions (they can recurse), no iteration
 * over number ranges (`for i in 1..n` can be made arbitrarily long), and one iteration variable per `for`/`some`/
 * `every` (nested products of lists grow with the power of their length).
 */
function unboundedConstruct(name: string, inExpressions: number, inIteration: boolean): string | null {
  if (name === 'FunctionDefinition') return 'defining functions in an expression is not allowed';
  if (name === '..' && inIteration) return 'iterating over a number range (a..b) is not allowed: iterate over a list variable';
  if ((name === 'ForExpression' || name === 'QuantifiedExpression') && inExpressions > 1) return 'iterate over one list at a time (one "x in list" per for/some/every)';
  return null;
}

/** Explains why an expression is not acceptable, or returns null when it is valid FEEL. */
export function checkFeel(text: string): string | null {
  const body = text.trimStart().slice(1).trim();
  if (!body) return 'empty expression after "="';
  if (body.length > MAX_EXPRESSION_LENGTH) return `expression longer than ${MAX_EXPRESSION_LENGTH} characters`;
  const forbidden = FORBIDDEN.exec(body);
  if (forbidden) return `expression may not use "${forbidden[2]}"`;
  try {
    const tree = parseExpression(body, {}, undefined);
    let error: string | null = null;
    let inIteration = 0;
    tree.iterate({
      enter(node) {
        if (error) return false;
        if (node.type.isError) error = `FEEL syntax error at position ${node.from}: "${body.slice(node.from, node.from + 20)}"`;
        else error = unboundedConstruct(node.type.name, node.node.getChild('InExpressions')?.getChildren('InExpression').length ?? 0, inIteration > 0);
        if (node.type.name === 'IterationContext') inIteration++;
      },
      leave(node) {
        if (node.type.name === 'IterationContext') inIteration--;
      },
    });
    return error;
  } catch (err) {
    return `FEEL syntax error: ${(err as Error).message}`;
  }
}

/** Explains why a non-'=' text is not an acceptable literal (JUEL/JS-style placeholders are refused). */
export function checkLiteral(text: string): string | null {
  if (/\$\{|#\{/.test(text)) return 'expression syntax ${…} is not supported: write FEEL with a leading "=", e.g. =priority = "P1"';
  return null;
}

export class ExpressionError extends Error {}

/** Evaluates '=FEEL' against plain variables; other strings are returned as literals. */
export function evaluateExpression(text: unknown, variables: Record<string, unknown>): unknown {
  if (!isFeel(text)) return text;
  const problem = checkFeel(text);
  if (problem) throw new ExpressionError(problem);
  // Plain JSON data only: nothing in the context can reach host objects.
  const context = JSON.parse(JSON.stringify(variables ?? {}));
  return evaluate(text.trimStart().slice(1), context).value;
}
