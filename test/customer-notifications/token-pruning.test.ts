// Status-page and survey link tokens are deleted by the periodic pruner TOKEN_RETENTION (7 days) after they expired:
// until then the link says "expired" (410), afterwards the row is gone and the link is simply not valid (404).
import { DataSource } from 'typeorm';
import { TokenPruner } from '../../src/customer-notifications/token-pruner';
import { HOUR } from '../support/scenario';
import { relay, resolveRemotely, surveyScenario, tokensReceived } from '../support/surveys';

const DAY = 24 * HOUR;

describe('token pruning', () => {
  let ctx: Awaited<ReturnType<typeof surveyScenario>>;
  beforeAll(async () => { ctx = await surveyScenario(); });
  afterAll(() => ctx.close());

  const count = async (table: 'status_tokens' | 'survey_tokens', hashOf: string) =>
    Number((await ctx.s.t.app.get(DataSource).query(`SELECT count(*) AS n FROM ${table} WHERE token_hash = encode(sha256($1::bytea), 'hex')`, [hashOf]))[0].n);

  it('keeps expired tokens for the retention, then deletes them; live ones stay', async () => {
    const { s, gateway } = ctx;
    const pruner = s.t.app.get(TokenPruner);
    // given a resolved request: a status link (its first message, 30 days) and, a day later, a survey link (7 days)
    const requestId = await resolveRemotely(s, 'SR-PRUNE-1');
    await relay(s);
    await s.advance(24 * HOUR);
    const [surveyToken] = await tokensReceived(s, gateway);
    const text = gateway.at('/wechat').map((r) => (r.body as any).text as string).find((t) => t.includes('/status/'))!;
    const statusToken = /\/status\/([A-Za-z0-9_-]{43})/.exec(text)![1];
    expect(await count('status_tokens', statusToken)).toBe(1);
    expect(await count('survey_tokens', surveyToken)).toBe(1);
    // when the pruner runs while both are valid: nothing is deleted
    expect(await pruner.prune()).toEqual({ status: 0, survey: 0 });
    // when the survey link expired 6 days ago: it is kept, and still says "expired"
    await s.advance(13 * DAY);
    await pruner.prune();
    expect(await count('survey_tokens', surveyToken)).toBe(1);
    await s.t.anon.get(`/api/public/surveys/${surveyToken}`).expect(410);
    // when it expired more than 7 days ago: the survey token is deleted, the status token (valid) stays
    await s.advance(2 * DAY);
    expect((await pruner.prune()).survey).toBeGreaterThanOrEqual(1);
    expect(await count('survey_tokens', surveyToken)).toBe(0);
    await s.t.anon.get(`/api/public/surveys/${surveyToken}`).expect(404);
    expect(await count('status_tokens', statusToken)).toBe(1);
    await s.t.anon.get(`/api/public/status/${statusToken}`).expect(200);
    // when the status link is 30 + 7 days old and more: it goes too
    await s.advance(23 * DAY);
    await s.t.anon.get(`/api/public/status/${statusToken}`).expect(410);
    expect((await pruner.prune()).status).toBeGreaterThanOrEqual(1);
    expect(await count('status_tokens', statusToken)).toBe(0);
    await s.t.anon.get(`/api/public/status/${statusToken}`).expect(404);
    expect(requestId).toEqual(expect.any(String));
  });
});
