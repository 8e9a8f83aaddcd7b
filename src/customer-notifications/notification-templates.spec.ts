// The customer's texts: every event in both languages, the facts quoted, the link last, unknown names fall back.
import { languageOf, renderNotification } from './notification-templates';

const input = (template: string, language: 'en' | 'zh-CN') => ({
  language, businessKey: 'SR-1', link: 'https://sf.example.com/status/t', timeZone: 'Asia/Shanghai',
  facts: { template, customerName: 'Li Wei', technician: 'Zhang Wei', appointmentAt: '2026-01-06T02:00:00Z', estimatedCost: 650 },
});

describe('notification templates', () => {
  it.each(['requestReceived', 'appointmentConfirmed', 'quoteSent', 'requestClosed', 'complaintReceived', 'complaintResolved', 'survey', 'surveyReminder'])('%s has a text in both languages that ends with the link', (template) => {
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

  it('invites to the survey with its own link label and the link\'s expiry', () => {
    const survey = (language: 'en' | 'zh-CN') => renderNotification({ ...input('survey', language), link: 'https://sf.example.com/survey/t', facts: { template: 'survey', customerName: '王芳', expiresAt: '2026-01-12T02:00:00Z' } });
    expect(survey('zh-CN').body).toBe('尊敬的王芳，您的服务请求（SR-1）已处理完毕。请花一分钟评价我们的服务（2026年1月12日 10:00前有效）。\n\n评价链接：https://sf.example.com/survey/t');
    expect(survey('en').subject).toBe('How did we do? SR-1');
  });

  it('falls back to a generic update for an unknown template, and to the default language', () => {
    expect(renderNotification(input('somethingNew', 'en')).subject).toBe('An update on your request SR-1');
    expect(languageOf('en-GB', 'zh-CN')).toBe('en');
    expect(languageOf('fr', 'zh-CN')).toBe('zh-CN');
    expect(languageOf(undefined, 'en')).toBe('en');
  });
});
