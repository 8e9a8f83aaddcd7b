// Credentials for tests that talk to a server process over fetch: it starts with a known admin password
// (ServerProcess passes ADMIN_PASSWORD); the admin's token is fetched once per server.
export const SERVER_ADMIN_PASSWORD = 'test-admin-password';
/** The token secret every test server and replica shares (JWT_SECRET), as replicas in production must. */
export const SERVER_JWT_SECRET = 'test-token-secret-shared-by-every-test-server-0123456789';

const tokens = new Map<string, Promise<string>>();

async function login(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: SERVER_ADMIN_PASSWORD }) });
  if (!res.ok) throw new Error(`admin login on ${baseUrl}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** `Authorization` header of the admin on the server at `baseUrl` (any replica of one database accepts it). */
export async function adminHeaders(baseUrl: string): Promise<Record<string, string>> {
  if (!tokens.has(baseUrl)) tokens.set(baseUrl, login(baseUrl).catch((err) => (tokens.delete(baseUrl), Promise.reject(err))));
  return { authorization: `Bearer ${await tokens.get(baseUrl)!}` };
}
