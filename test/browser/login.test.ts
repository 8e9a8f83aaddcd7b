// Sign-in in real Chromium: wrong password explained, then signed in with the first admin's credentials; the top
// bar shows the user and the roles they may act in; signing out forgets the token.
import type { Page } from 'playwright-core';
import { TEST_ADMIN_PASSWORD } from '../support/app';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';

describe('sign-in', () => {
  let app: BrowserApp;
  let page: Page;
  let admin: { username: string; password: string };

  beforeAll(async () => {
    app = await startBrowserApp();
    admin = { username: 'admin', password: TEST_ADMIN_PASSWORD };
    page = await app.newPage({ locale: 'en', signedIn: false });
  });
  afterAll(() => app.close());

  it('sends a visitor who is not signed in to sign-in, without claiming a session ended', async () => {
    // when
    await page.goto('/instances');
    // then
    await page.waitForURL('**/login?next=%2Finstances');
    await page.getByRole('heading', { name: 'Sign in to ServiceFlow' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('explains a wrong password, then signs in and returns to the page that asked', async () => {
    // given
    await page.goto('/login?next=%2Finstances');
    // when
    await page.getByLabel('Username').fill(admin.username);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // then
    await page.getByRole('alert').getByText('Username or password is wrong').waitFor();
    await saveScreenshot(page, 'login-failed');
    // when
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // then
    await page.waitForURL('**/instances');
    expect(await page.getByTestId('signed-in-user').innerText()).toContain('Administrator');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('serviceflow.auth') ?? 'null'));
    expect(stored.user.username).toBe('admin');
    const me = await app.http.get('/api/auth/me').set('Authorization', `Bearer ${stored.accessToken}`).expect(200);
    expect(me.body.username).toBe('admin');
    // an admin may act in every role
    expect(await page.locator('select[name=session-role] option').count()).toBe(5);
    expect(errorsOf(page, [/401/])).toEqual([]);
  });

  it('signs out and forgets the token', async () => {
    // when
    await page.getByRole('button', { name: 'Sign out' }).click();
    // then
    await page.getByTestId('signed-in-user').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => localStorage.getItem('serviceflow.auth'))).toBeNull();
  });
});
