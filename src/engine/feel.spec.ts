// Unit specs of the restricted expression language.
import { checkFeel, checkLiteral, evaluateExpression, ExpressionError, isFeel } from './feel';

describe('feel', () => {
  it('evaluates =FEEL against variables and passes literals through', () => {
    expect(evaluateExpression('=if urgent then "PT15M" else "PT1H"', { urgent: true })).toBe('PT15M');
    expect(evaluateExpression('=if urgent then "PT15M" else "PT1H"', {})).toBe('PT1H');
    expect(evaluateExpression('=priority = "P1" and amount > 100', { priority: 'P1', amount: 250 })).toBe(true);
    expect(evaluateExpression('PT24H', {})).toBe('PT24H');
  });

  it('tells FEEL from literals', () => {
    expect(isFeel(' =a')).toBe(true);
    expect(isFeel('a')).toBe(false);
    expect(isFeel(undefined)).toBe(false);
  });

  it.each(['=x.constructor', '=process.env', '=__proto__', '=globalThis', '=require("fs")', '=a.prototype'])('refuses %s', (expr) => {
    expect(checkFeel(expr)).toMatch(/may not use/);
    expect(() => evaluateExpression(expr, { x: {} })).toThrow(ExpressionError);
  });

  it('reports syntax errors and empty expressions', () => {
    expect(checkFeel('=a +')).toMatch(/syntax/);
    expect(checkFeel('=')).toMatch(/empty/);
    expect(checkFeel(`=${'a or '.repeat(500)}a`)).toMatch(/longer than/);
    expect(checkFeel('=a + 1')).toBeNull();
  });

  it('refuses ${…} placeholders in literals', () => {
    expect(checkLiteral('${environment.variables.x}')).toMatch(/not supported/);
    expect(checkLiteral('PT1H')).toBeNull();
  });

  it('never hands functions or prototypes to an expression', () => {
    const variables = { f: () => 'called', o: Object.create({ secret: 1 }) };
    expect(evaluateExpression('=f', variables)).toBeNull();
    expect(evaluateExpression('=o.secret', variables)).toBeNull();
  });

  it('refuses constructs whose evaluation is not bounded by the size of the data', () => {
    expect(checkFeel('=for i in 1..1000000000 return i')).toMatch(/number range/);
    expect(checkFeel('=count(for i in 1..n return i)')).toMatch(/number range/);
    expect(checkFeel('={f: function(n) f(n)}.f(1)')).toMatch(/defining functions/);
    expect(checkFeel('=for a in xs, b in xs return a * b')).toMatch(/one list at a time/);
    expect(checkFeel('=some a in xs, b in xs satisfies a = b')).toMatch(/one list at a time/);
    // what processes need stays allowed: one list, and intervals as tests
    expect(checkFeel('=for item in parts return item.price')).toBeNull();
    expect(checkFeel('=some p in parts satisfies p.missing')).toBeNull();
    expect(checkFeel('=priority in ["P1", "P2"]')).toBeNull();
    expect(checkFeel('=score in [1..2]')).toBeNull();
  });
});
