// Translates the safe subset of JUEL (${…}/#{…} in Camunda 7 and Flowable diagrams) to FEEL; refuses the rest with a reason.
// Subset: variable paths (a.b, a['b'], a[0]), literals, == != < <= > >= and eq ne lt le gt ge, && || ! and or not,
// empty, + - * / % div mod, c ? x : y and parentheses. Method calls and engine objects (execution, task) are code.
import { checkFeel } from './feel';
import { JuelError, tokenize, type Token } from './juel-lexer';

export type JuelTranslation = { ok: true; feel: string } | { ok: false; reason: string };

type Node =
  | { t: 'lit'; feel: string }
  | { t: 'path'; feel: string }
  | { t: 'not' | 'neg' | 'empty'; e: Node }
  | { t: 'bin'; op: string; l: Node; r: Node }
  | { t: 'if'; c: Node; a: Node; b: Node };

const COMPARE: Record<string, string> = { '==': '=', eq: '=', '!=': '!=', ne: '!=', '<': '<', lt: '<', '>': '>', gt: '>', '<=': '<=', le: '<=', '>=': '>=', ge: '>=' };
const ENGINE_OBJECTS = ['execution', 'task', 'authenticatedUserId', 'variableScope', 'connector'];
const FEEL_KEYWORDS = ['if', 'then', 'else', 'for', 'in', 'return', 'some', 'every', 'satisfies', 'between', 'instance', 'of', 'function'];
const JUEL_KEYWORDS = ['and', 'or', 'not', 'eq', 'ne', 'lt', 'gt', 'le', 'ge', 'empty', 'div', 'mod', 'true', 'false', 'null', 'instanceof'];

/** Whether a text uses JUEL placeholders at all. */
export function isJuel(text: unknown): text is string {
  return typeof text === 'string' && /[$#]\{/.test(text);
}

/** `condition`: the result is used as a boolean (flow conditions), so a bare variable means "is true". */
export function translateJuel(text: string, { condition }: { condition: boolean }): JuelTranslation {
  const match = /^\s*[$#]\{([\s\S]*)\}\s*$/.exec(text);
  if (!match || /[$#]\{/.test(match[1])) return { ok: false, reason: 'only one whole ${…} expression is supported, not text with expressions embedded in it' };
  try {
    const parser = new Parser(tokenize(match[1]));
    const tree = parser.parse();
    const feel = `=${print(tree, condition)}`;
    const problem = checkFeel(feel);
    return problem ? { ok: false, reason: problem } : { ok: true, feel };
  } catch (err) {
    if (err instanceof JuelError) return { ok: false, reason: err.message };
    throw err;
  }
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    if (!this.tokens.length) throw new JuelError('empty expression');
    const node = this.ternary();
    const rest = this.tokens[this.i];
    if (rest) throw new JuelError(`unexpected "${text(rest)}" at position ${rest.at}`);
    return node;
  }

  private peek(...words: string[]): boolean {
    const tok = this.tokens[this.i];
    return !!tok && (tok.kind === 'op' || tok.kind === 'name') && words.includes(tok.text);
  }

  private take(...words: string[]): string | null {
    if (!this.peek(...words)) return null;
    return (this.tokens[this.i++] as { text: string }).text;
  }

  private expect(word: string): void {
    if (!this.take(word)) throw new JuelError(`expected "${word}"${this.tokens[this.i] ? ` at position ${this.tokens[this.i].at}` : ' at the end'}`);
  }

  private ternary(): Node {
    const c = this.binary(0);
    if (!this.take('?')) return c;
    const a = this.ternary();
    this.expect(':');
    return { t: 'if', c, a, b: this.ternary() };
  }

  // Levels from loosest to tightest: or, and, equality, relational, additive, multiplicative.
  private static readonly LEVELS = [['||', 'or'], ['&&', 'and'], ['==', '!=', 'eq', 'ne'], ['<', '>', '<=', '>=', 'lt', 'gt', 'le', 'ge'], ['+', '-'], ['*', '/', '%', 'div', 'mod']];

  private binary(level: number): Node {
    if (level === Parser.LEVELS.length) return this.unary();
    let l = this.binary(level + 1);
    for (let op = this.take(...Parser.LEVELS[level]); op; op = this.take(...Parser.LEVELS[level])) {
      l = { t: 'bin', op, l, r: this.binary(level + 1) };
    }
    return l;
  }

  private unary(): Node {
    if (this.take('!', 'not')) return { t: 'not', e: this.unary() };
    if (this.take('-')) return { t: 'neg', e: this.unary() };
    if (this.take('empty')) return { t: 'empty', e: this.unary() };
    return this.primary();
  }

  private primary(): Node {
    const tok = this.tokens[this.i++];
    if (!tok) throw new JuelError('the expression ends too early');
    if (tok.kind === 'number') return { t: 'lit', feel: numberLiteral(tok.text) };
    if (tok.kind === 'string') return { t: 'lit', feel: JSON.stringify(tok.value) };
    if (tok.kind === 'op' && tok.text === '(') {
      const inner = this.ternary();
      this.expect(')');
      return inner;
    }
    if (tok.kind !== 'name') throw new JuelError(`unexpected "${tok.text}" at position ${tok.at}`);
    if (['true', 'false', 'null'].includes(tok.text)) return { t: 'lit', feel: tok.text };
    return this.path(tok.text);
  }

  private path(root: string): Node {
    checkName(root, true);
    if (this.peek('(')) throw new JuelError(`function call ${root}(…) is not allowed: expressions may not call code`);
    let feel = root;
    for (;;) {
      if (this.take('.')) {
        const tok = this.tokens[this.i++];
        if (tok?.kind !== 'name') throw new JuelError(`a property name must follow "." in ${feel}.`);
        if (this.peek('(')) throw new JuelError(`method call ${feel}.${tok.text}() is not allowed: expressions may not call code`);
        checkName(tok.text, false);
        feel += `.${tok.text}`;
      } else if (this.take('[')) {
        feel = index(feel, this.tokens[this.i++]);
        this.expect(']');
      } else return { t: 'path', feel };
    }
  }
}

function checkName(name: string, isRoot: boolean): void {
  if (JUEL_KEYWORDS.includes(name)) throw new JuelError(`"${name}" cannot be used here`);
  if (name.includes('$')) throw new JuelError(`name "${name}": "$" is not allowed in variable names`);
  if (isRoot && ENGINE_OBJECTS.includes(name)) throw new JuelError(`"${name}" is an engine object of Camunda/Flowable: refer to process variables only`);
  if (FEEL_KEYWORDS.includes(name)) throw new JuelError(`variable name "${name}" is a FEEL keyword: rename the variable`);
}

/** a['b'] → a.b, a[0] → a[1] (JUEL counts from 0, FEEL from 1); a variable index is not in the subset. */
function index(base: string, tok: Token | undefined): string {
  if (tok?.kind === 'string') return /^[A-Za-z_][A-Za-z0-9_]*$/.test(tok.value) && !FEEL_KEYWORDS.includes(tok.value) ? `${base}.${tok.value}` : `get value(${base}, ${JSON.stringify(tok.value)})`;
  if (tok?.kind === 'number' && /^\d+$/.test(tok.text)) return `${base}[${Number(tok.text) + 1}]`;
  throw new JuelError(`index of ${base}[…] must be a string or a whole number literal`);
}

function numberLiteral(text: string): string {
  const n = Number(text);
  if (!Number.isFinite(n)) throw new JuelError(`number ${text} is out of range`);
  // FEEL has no exponent notation.
  return /[eE]/.test(text) ? n.toFixed(20).replace(/\.?0+$/, '') : text.replace(/^\./, '0.');
}

function text(tok: Token): string {
  return tok.kind === 'string' ? JSON.stringify(tok.value) : tok.text;
}

// Precedence of the printed FEEL: if < or < and < comparison < additive < multiplicative < unary/atoms.
const PREC: Record<string, number> = { '||': 1, or: 1, '&&': 2, and: 2, '+': 4, '-': 4, '*': 5, '/': 5, div: 5 };
const precOf = (node: Node, bool: boolean): number => {
  if (node.t === 'if') return 0;
  if (node.t === 'path') return bool ? 3 : 7;
  if (node.t === 'bin') return COMPARE[node.op] ? 3 : (PREC[node.op] ?? 7);
  return 7;
};

function print(node: Node, bool: boolean): string {
  switch (node.t) {
    case 'lit':
      return node.feel;
    case 'path':
      return bool ? `${node.feel} = true` : node.feel;
    case 'not':
      return `not(${print(node.e, true)})`;
    case 'neg':
      return `-${wrap(node.e, false, 6)}`;
    case 'empty': {
      const x = print(node.e, false);
      return `(if ${x} = null then true else if ${x} instance of string then ${x} = "" else if ${x} instance of list then count(${x}) = 0 else if ${x} instance of context then count(get entries(${x})) = 0 else false)`;
    }
    case 'if':
      return `if ${print(node.c, true)} then ${print(node.a, bool)} else ${print(node.b, bool)}`;
    case 'bin':
      return printBinary(node);
  }
}

function printBinary(node: Extract<Node, { t: 'bin' }>): string {
  const { op, l, r } = node;
  if (op === '%' || op === 'mod') return `modulo(${print(l, false)}, ${print(r, false)})`;
  const logical = PREC[op] === 1 || PREC[op] === 2;
  const me = precOf(node, true);
  const feelOp = logical ? (PREC[op] === 1 ? 'or' : 'and') : (COMPARE[op] ?? (op === 'div' ? '/' : op));
  // Arithmetic is left-associative (a - (b - c) keeps its parentheses); comparisons do not chain in FEEL.
  const compare = !!COMPARE[op];
  return `${wrap(l, logical, compare ? me + 0.5 : me)} ${feelOp} ${wrap(r, logical, logical ? me : me + 0.5)}`;
}

function wrap(node: Node, bool: boolean, parent: number): string {
  const printed = print(node, bool);
  return precOf(node, bool) < parent ? `(${printed})` : printed;
}
