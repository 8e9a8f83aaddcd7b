// The browser tests on a machine without a system Chromium: the one shipped in the npm package @sparticuz/chromium
// runs the client (issue 13: `npm test` needs Node alone). Launched explicitly, so this runs where Debian's is present.
import { TEST_ADMIN_PASSWORD } from '../support/app';
import { errorsOf, npmChromiumPath, startBrowserApp, type BrowserApp } from '../support/browser';

describe('the npm-packaged Chromium', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp({ executablePath: npmChromiumPath() });
  });
  afterAll(() => app?.close());

  it('is not the system browser, and signs in to the process list', async () => {
    // given
    expect(npmChromiumPath()).not.toMatch(/^\/usr\//);
    const page = await app.newPage({ locale: 'en', signedIn: false });
    // when
    await page.goto('/login');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(TEST_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // then
    await page.getByText('Service request (repair)').first().waitFor();
    expect(errorsOf(page)).toEqual([]);
  });
});
