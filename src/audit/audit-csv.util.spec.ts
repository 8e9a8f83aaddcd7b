import { auditCsv } from './audit-csv.util';

describe('auditCsv', () => {
  it('quotes every cell, doubles quotes, keeps detail as JSON and defuses formulas', () => {
    const csv = auditCsv([{ id: '7', at: new Date('2026-01-05T01:00:00Z'), actor: 'user:admin', action: 'webhook.created', targetType: 'webhook', targetId: null, detail: { url: 'https://x', note: 'say "hi"' } }, { id: '8', at: new Date('2026-01-05T01:00:00Z'), actor: '=cmd()', action: 'a', targetType: 't', targetId: 'x', detail: null }]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('id,at,actor,action,targetType,targetId,detail');
    expect(lines[1]).toBe('"7","2026-01-05T01:00:00.000Z","user:admin","webhook.created","webhook","","{""url"":""https://x"",""note"":""say \\""hi\\""""}"');
    expect(lines[2]).toContain(`"'=cmd()"`);
  });
});
