// Splits the inside of a JUEL ${…}/#{…} expression into tokens (names, literals, operators) for the JUEL-subset translator.
export type Token =
  | { kind: 'name'; text: string; at: number }
  | { kind: 'number'; text: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'op'; text: string; at: number };

export class JuelError extends Error {}

// Longest first, so that "<=" wins over "<".
const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', '.', '?', ':', '+', '-', '*', '/', '%', ','];

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
    } else if (/[A-Za-z_$]/.test(c)) {
      const text = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(source.slice(i))![0];
      tokens.push({ kind: 'name', text, at: i });
      i += text.length;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const text = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(source.slice(i))![0];
      tokens.push({ kind: 'number', text, at: i });
      i += text.length;
    } else if (c === '"' || c === "'") {
      const { value, end } = readString(source, i);
      tokens.push({ kind: 'string', value, at: i });
      i = end;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i));
      if (!op) throw new JuelError(`unexpected character "${c}" at position ${i}`);
      tokens.push({ kind: 'op', text: op, at: i });
      i += op.length;
    }
  }
  return tokens;
}

/** A JUEL string literal in single or double quotes, with backslash escapes of the quote and the backslash. */
function readString(source: string, start: number): { value: string; end: number } {
  const quote = source[start];
  let value = '';
  for (let i = start + 1; i < source.length; i++) {
    const c = source[i];
    if (c === '\\' && i + 1 < source.length) {
      value += source[++i];
    } else if (c === quote) {
      return { value, end: i + 1 };
    } else {
      value += c;
    }
  }
  throw new JuelError(`unterminated string starting at position ${start}`);
}
