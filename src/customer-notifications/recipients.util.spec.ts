// Where a customer is reached: explicit addresses win, the intake contact is read by its shape.
import { recipientsOf } from './recipients.util';

describe('recipientsOf', () => {
  it('reads an e-mail address, a phone number and a WeChat id from the contact by shape', () => {
    expect(recipientsOf({ customerContact: 'li.wei@example.com' })).toEqual({ email: 'li.wei@example.com' });
    expect(recipientsOf({ customerContact: '+86 138 0000 0000' })).toEqual({ sms: '+86 138 0000 0000' });
    expect(recipientsOf({ customerContact: 'wx-wangfang', channel: 'wechat' })).toEqual({ wechat: 'wx-wangfang' });
    expect(recipientsOf({ customerContact: 'wx-wangfang', channel: 'phone' })).toEqual({});
  });

  it('prefers explicit addresses and drops a malformed e-mail', () => {
    expect(recipientsOf({ customerContact: '+86 1', customerEmail: 'a@b.cn', customerPhone: '13800000000' })).toEqual({ email: 'a@b.cn', sms: '13800000000' });
    expect(recipientsOf({ customerEmail: 'not-an-address' })).toEqual({});
  });
});
