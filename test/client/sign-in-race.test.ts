// The sign-in 401 race (issue 17): a request sent before signing in, answered 401 only after the new session began,
// ended that fresh session and sent the user back to sign-in. Client modules (api + auth store) with the browser's
// fetch and localStorage stood in for.
// Loaded with require: the server's type check (tsconfig.json) does not compile the client (its own tsconfig does).
/* eslint-disable @typescript-eslint/no-require-imports */
const { api } = require('../../client/src/app/api') as { api: <T>(path: string) => Promise<T> };
const { authStore, installAuth } = require('../../client/src/app/auth-store') as {
  authStore: { login(u: string, p: string): Promise<boolean>; get(): { accessToken: string } | null };
  installAuth(redirect: (sessionEnded: boolean) => void): void;
};

type Pending = { url: string; authorization: string | null; answer: (status: number, body: unknown) => void };

describe('sign-in race', () => {
  const pending: Pending[] = [];
  beforeAll(() => {
    const store = new Map<string, string>();
    Object.assign(globalThis, {
      localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) },
      fetch: (url: string, init: { headers: Record<string, string> }) =>
        new Promise((resolve) => pending.push({ url, authorization: init.headers.Authorization ?? null, answer: (status, body) => resolve(new Response(JSON.stringify(body), { status })) })),
    });
  });
  const next = async () => {
    for (let i = 0; i < 50 && !pending.length; i++) await new Promise((r) => setTimeout(r, 1));
    return pending.shift()!;
  };

  it('keeps the new session when a request sent before sign-in is refused after it, and asks again with the new token', async () => {
    // given a page that asked for data before the user signed in
    const redirects: boolean[] = [];
    installAuth((ended) => redirects.push(ended));
    const early = api<{ items: unknown[] }>('/api/tasks');
    const earlyRequest = await next();
    expect(earlyRequest.authorization).toBeNull();
    // when the user signs in, and only then the early request's 401 arrives
    const login = authStore.login('li.na', 'secret-password');
    (await next()).answer(200, { accessToken: 'fresh-token', expiresIn: 900, user: { id: 'u1', username: 'li.na', displayName: null, roles: ['agent'] } });
    expect(await login).toBe(true);
    earlyRequest.answer(401, { message: 'sign in first' });
    // then the session stays, and the request is answered with the new token
    const retry = await next();
    expect(retry).toMatchObject({ url: '/api/tasks', authorization: 'Bearer fresh-token' });
    retry.answer(200, { items: [] });
    await expect(early).resolves.toEqual({ items: [] });
    expect(redirects).toEqual([]);
    expect(authStore.get()?.accessToken).toBe('fresh-token');
  });

  it('still ends the session when the server refuses the token in use', async () => {
    // given
    // when
    const call = api('/api/tasks');
    (await next()).answer(401, { message: 'token expired' });
    // then
    await expect(call).rejects.toMatchObject({ status: 401 });
    expect(authStore.get()).toBeNull();
  });
});
