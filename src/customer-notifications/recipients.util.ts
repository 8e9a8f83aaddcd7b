// Where a customer can be reached, from the process variables: explicit addresses first, else the intake contact by shape.
export type NotifyChannel = 'email' | 'sms' | 'wechat';

export type Recipients = Partial<Record<NotifyChannel, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s()-]{6,20}$/;

export function recipientsOf(variables: Readonly<Record<string, unknown>>): Recipients {
  const text = (k: string) => (typeof variables[k] === 'string' && (variables[k] as string).trim() ? (variables[k] as string).trim() : undefined);
  const contact = text('customerContact');
  const out: Recipients = {};
  const email = text('customerEmail') ?? (contact && EMAIL.test(contact) ? contact : undefined);
  const sms = text('customerPhone') ?? (contact && PHONE.test(contact) ? contact : undefined);
  const wechat = text('customerWechat') ?? (contact && variables.channel === 'wechat' && !EMAIL.test(contact) && !PHONE.test(contact) ? contact : undefined);
  if (email && EMAIL.test(email)) out.email = email;
  if (sms) out.sms = sms;
  if (wechat) out.wechat = wechat;
  return out;
}
