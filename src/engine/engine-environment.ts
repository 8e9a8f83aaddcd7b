// The pieces of bpmn-engine's environment we replace: FEEL expressions, no scripts, a quiet logger.
import { evaluateExpression, isFeel } from './feel';
import { loopVariables } from './multi-instance';

const RESERVED_KEYS = new Set(['fields', 'content', 'properties']);

/** bpmn-elements asks this to resolve condition bodies, timer values and other expressions. */
export const expressions = {
  resolveExpression(expression: unknown, context?: { environment?: { variables?: Record<string, unknown> } }) {
    if (!isFeel(expression)) return expression;
    const all = { ...(context?.environment?.variables ?? {}), ...loopVariables(context) };
    const variables = Object.fromEntries(Object.entries(all).filter(([k]) => !RESERVED_KEYS.has(k)));
    return evaluateExpression(expression, variables);
  },
  isExpression: (text: unknown) => isFeel(text),
  hasExpression: (text: unknown) => isFeel(text),
};

/** Script handling that refuses everything: diagrams are data, not code (script tasks are also refused at deploy). */
export class NoScripts {
  register(): void {
    return undefined;
  }
  /** Asked for every condition; without a language the body is a FEEL expression, with one it is refused. */
  getScript(language: string | undefined, identifier: { id: string }): undefined {
    if (language) throw new Error(`scripts are not allowed (${language} at ${identifier?.id})`);
    return undefined;
  }
}

const noop = () => undefined;
export const silentLogger = () => ({ debug: noop, error: noop, warn: noop });
