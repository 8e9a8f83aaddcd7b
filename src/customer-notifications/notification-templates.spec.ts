// The customer's texts: every event in both languages, the facts quoted, the link last, unknown names fall back.
import { languageOf, renderNotification } from './notification-templates';

const input = (template: string, language: 'en' | 'zh-CN') => ({
  language, businessKey: 'SR-1', link: 'https://sf.example.com/status/t', timeZone: 'Asia/Shanghai',
  facts: { template, customerName: 'Li Wei', technician: 'Zhang Wei', appointmentAt: '2026-01-06T02:00:00Z', estimatedCost: 650 },
});

describe('notification templates', () => {
  it.each(['requestReceived', 'appointmentConfirmed', 'quoteSent', 'requestClosed', 'complaintReceived', 'complaintResolved'])('%s has a text in both languages that ends with the link', (template) => {
    const en = renderNotification(input(template, 'en'));
    const zh = renderNotification(input(template, 'zh-CN'));
    expect(en.subject).not.toEqual(zh.subject);
    expect(en.body.endsWith('https://sf.example.com/status/t')).toBe(true);
    expect(zh.body.endsWith('https://sf.example.com/status/t')).toBe(true);
  });

  it('quotes the appointment in the customer\'s time zone and the cost', () => {
    expect(renderNotification(input('appointmentConfirmed', 'zh-CN')).body).toContain('技术员Zhang Wei将于2026年1月6日 10:00上门服务');
    expect(renderNotification(input('quoteSent', 'en')).body).toContain('¥650');
  });

  it('falls back to a generic update for an unknown template, and to the default language', () => {
    expect(renderNotification(input('somethingNew', 'en')).subject).toBe('An update on your request SR-1');
    expect(languageOf('en-GB', 'zh-CN')).toBe('en');
    expect(languageOf('fr', 'zh-CN')).toBe('zh-CN');
    expect(languageOf(undefined, 'en')).toBe('en');
  });
});
