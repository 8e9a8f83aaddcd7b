// Redaction of survey tokens in paths and masking of customer contacts.
import { maskContact, redactUrl } from './log-redaction.util';

describe('log redaction', () => {
  it('redacts survey tokens in API and page paths, keeping the rest', () => {
    expect(redactUrl('/api/public/surveys/abcDEF123_-x?lang=zh')).toBe('/api/public/surveys/[redacted]?lang=zh');
    expect(redactUrl('/survey/abcDEF123_-x')).toBe('/survey/[redacted]');
    expect(redactUrl('/api/surveys/0190-uuid')).toBe('/api/surveys/0190-uuid');
  });

  it('redacts status-page tokens in API and page paths', () => {
    expect(redactUrl('/api/public/status/abcDEF123_-x/quote')).toBe('/api/public/status/[redacted]/quote');
    expect(redactUrl('/status/abcDEF123_-x')).toBe('/status/[redacted]');
    expect(redactUrl('/api/process-instances/0190-uuid/notifications')).toBe('/api/process-instances/0190-uuid/notifications');
  });

  it('masks phone numbers, e-mails and chat ids', () => {
    expect(maskContact('+86 138 1234 5678')).toBe('+86*********78');
    expect(maskContact('wang.fang@example.com')).toBe('w***@example.com');
    expect(maskContact('wx-wangfang')).toBe('wxw*****ng');
    expect(maskContact('1234')).toBe('****');
  });
});
