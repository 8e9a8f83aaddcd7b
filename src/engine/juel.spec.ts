// The JUEL-subset translator: what Camunda 7 / Flowable conditions become in FEEL, what is refused and why,
// and that the FEEL gives the answer JUEL would for the same variables.
import { evaluateExpression } from './feel';
import { isJuel, translateJuel } from './juel';

const condition = (text: string) => translateJuel(text, { condition: true });
const value = (text: string) => translateJuel(text, { condition: false });

describe('JUEL subset → FEEL', () => {
  it.each([
    ['${approved}', '=approved = true'],
    ['#{approved}', '=approved = true'],
    ['${!approved}', '=not(approved = true)'],
    ['${not approved}', '=not(approved = true)'],
    ['${amount > 1000}', '=amount > 1000'],
    ['${amount gt 1000}', '=amount > 1000'],
    ['${amount >= 1000.5}', '=amount >= 1000.5'],
    ['${amount le 10}', '=amount <= 10'],
    ['${amount lt 10 && vip}', '=amount < 10 and vip = true'],
    ['${a || b && c}', '=a = true or b = true and c = true'],
    ['${(a || b) && c}', '=(a = true or b = true) and c = true'],
    ['${a and not b or c}', '=a = true and not(b = true) or c = true'],
    ["${status == 'open'}", '=status = "open"'],
    ['${status eq "open"}', '=status = "open"'],
    ["${status != 'closed'}", '=status != "closed"'],
    ['${status ne null}', '=status != null'],
    ['${customer.address.city == "Shanghai"}', '=customer.address.city = "Shanghai"'],
    ["${customer['tier'] == 'gold'}", '=customer.tier = "gold"'],
    ["${order['line items'] != null}", '=get value(order, "line items") != null'],
    ['${items[0] == "x"}', '=items[1] = "x"'],
    ['${approved == true}', '=approved = true'],
    ['${approved == false}', '=approved = false'],
    ['${true}', '=true'],
    ['${amount * 1.2 > limit - 5}', '=amount * 1.2 > limit - 5'],
    ['${a - (b - c) > 0}', '=a - (b - c) > 0'],
    ['${count % 2 == 0}', '=modulo(count, 2) = 0'],
    ['${total div 2 ge 1e3}', '=total / 2 >= 1000'],
    ['${-amount < -5}', '=-amount < -5'],
    ["${'it\\'s' == name}", '="it\'s" = name'],
    ["${vip ? 'P1' : 'P3'}", '=if vip = true then "P1" else "P3"'],
    ['${  approved  }', '=approved = true'],
  ])('condition %s → %s', (juel, feel) => {
    expect(condition(juel)).toEqual({ ok: true, feel });
  });

  it.each([
    ['${approved}', '=approved'],
    ['${dueDate}', '=dueDate'],
    ['${duration}', '=duration'],
    ["${urgent ? 'PT15M' : 'PT1H'}", '=if urgent = true then "PT15M" else "PT1H"'],
    ['${retries + 1}', '=retries + 1'],
  ])('value %s → %s', (juel, feel) => {
    expect(value(juel)).toEqual({ ok: true, feel });
  });

  it.each([
    ['${bean.check(x)}', /method call bean.check\(\) is not allowed/],
    ['${check(x)}', /function call check\(…\) is not allowed/],
    ['${execution.getVariable("x")}', /engine object/],
    ['${execution.processBusinessKey == "a"}', /engine object/],
    ['${task.assignee}', /engine object/],
    ['${a[b]}', /index of a\[…\] must be/],
    ['${x instanceof String}', /unexpected "instanceof"/],
    ['${a == }', /ends too early/],
    ['${a b}', /unexpected "b"/],
    ['${"open}', /unterminated string/],
    ['${a ; b}', /unexpected character ";"/],
    ['${}', /empty expression/],
    ['Hello ${name}', /only one whole/],
    ['${a} and ${b}', /only one whole/],
    ['${a.constructor}', /may not use "constructor"/],
    ['${process.env}', /may not use "process"/],
    ['${if}', /FEEL keyword/],
    ['${a ? b}', /expected ":"/],
    ['${x$y}', /"\$" is not allowed/],
  ])('refuses %s with the reason', (juel, reason) => {
    const result = condition(juel);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('recognises JUEL placeholders', () => {
    expect(isJuel('${a}')).toBe(true);
    expect(isJuel('#{a}')).toBe(true);
    expect(isJuel('=a = true')).toBe(false);
    expect(isJuel('PT1H')).toBe(false);
    expect(isJuel(undefined)).toBe(false);
  });

  describe('the translation decides like JUEL', () => {
    const decide = (juel: string, variables: Record<string, unknown>) => {
      const result = condition(juel);
      if (!result.ok) throw new Error(result.reason);
      return evaluateExpression(result.feel, variables) === true;
    };

    it.each([
      ['${approved}', { approved: true }, true],
      ['${approved}', { approved: false }, false],
      ['${approved}', {}, false],
      ['${!approved}', {}, true],
      ['${amount > 1000}', { amount: 1500 }, true],
      ['${amount > 1000}', { amount: 1000 }, false],
      ['${amount > 1000}', {}, false],
      ['${empty comment}', {}, true],
      ['${empty comment}', { comment: '' }, true],
      ['${empty comment}', { comment: 'hi' }, false],
      ['${empty items}', { items: [] }, true],
      ['${empty items}', { items: [1] }, false],
      ['${empty meta}', { meta: {} }, true],
      ['${!empty comment}', { comment: 'hi' }, true],
      ['${not empty items}', { items: [] }, false],
      ['${customer.tier == "gold" && order.total >= 500}', { customer: { tier: 'gold' }, order: { total: 500 } }, true],
      ['${customer.tier == "gold" && order.total >= 500}', { customer: { tier: 'silver' }, order: { total: 900 } }, false],
      ['${items[1] == "b"}', { items: ['a', 'b'] }, true],
      ['${vip ? amount > 10 : amount > 100}', { vip: true, amount: 50 }, true],
      ['${vip ? amount > 10 : amount > 100}', { vip: false, amount: 50 }, false],
    ])('%s with %j is %s', (juel, variables, expected) => {
      expect(decide(juel, variables)).toBe(expected);
    });
  });
});
