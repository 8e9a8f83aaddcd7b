// GET /api/sla/policies and /api/sla/calendars answer what processes/sla.json configures.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startTestApp, type TestApp } from '../support/app';

describe('SLA configuration API', () => {
  let app: TestApp;
  const file = JSON.parse(readFileSync(resolve(__dirname, '../../processes/sla.json'), 'utf8'));

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('lists every configured policy with its calendar and targets', async () => {
    const res = await app.http.get('/api/sla/policies').expect(200);
    expect(res.body.map((p: { id: string }) => p.id).sort()).toEqual(Object.keys(file.policies).sort());
    for (const p of res.body) {
      expect(p.targets).toEqual(file.policies[p.id].targets);
      expect(p.calendar).toBe(file.policies[p.id].calendar ?? '24x7');
    }
  });

  it('lists the business calendars, the built-in 24x7 one included', async () => {
    const res = await app.http.get('/api/sla/calendars').expect(200);
    const ids = res.body.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['24x7', ...Object.keys(file.calendars ?? {})]));
    const holidays = res.body.find((c: { id: string; holidays: string[] }) => c.holidays.length > 0);
    expect(holidays?.holidays).toEqual(expect.arrayContaining([expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]));
  });
});
