import { expect, test } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { hydrated, open, signIn } from './helpers';

test('a user sees their user ID, renames themself and signs out another browser', async ({ page, browser, javaScriptEnabled }) => {
  const js = javaScriptEnabled !== false;
  const email = 'support@portico.example';
  // A second browser, signed in too: the one to sign out from the profile.
  const otherContext = await browser.newContext({ baseURL, javaScriptEnabled: js });
  const other = await otherContext.newPage();
  await signIn(other, email);
  await expect(other.getByTestId('acting-as')).toHaveText('Portico Platform');

  await signIn(page, email);
  await page.getByRole('link', { name: `Your profile (${email})` }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
  await expect(page.getByTestId('profile-email')).toHaveText(email);
  // The user ID to give a partner manager: a UUID, with a copy button where scripts run.
  await expect(page.getByRole('textbox', { name: 'User ID' })).toHaveValue(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  if (js) await expect(page.getByRole('button', { name: 'Copy user ID' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Your organizations' }).getByRole('row').filter({ hasText: 'Portico Platform' })).toContainText('Member');

  // A bad name is refused with a clear message and changes nothing; a good one is saved.
  await page.getByLabel('Name', { exact: true }).fill('S');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('alert')).toHaveText('Name must be 2 to 200 characters.');
  const name = js ? 'Sam Support' : 'Sam Support (no JavaScript)';
  await hydrated(page);
  await page.getByLabel('Name', { exact: true }).fill(name);
  const saved = page.waitForResponse((r) => r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Save name' }).click();
  await saved;
  if (js) await expect(page.getByRole('status')).toHaveText('Your name is saved.');
  else await page.waitForURL(/\/profile/);
  await page.reload();
  await hydrated(page);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);

  // This browser is marked; every other one is signed out from here.
  const sessions = page.getByRole('table', { name: 'Where you are signed in' });
  await expect(sessions.getByText('This browser')).toHaveCount(1);
  const signOuts = sessions.getByRole('button', { name: /^Sign out Chrome on Linux, last active / });
  await expect(signOuts.first()).toBeVisible();
  for (let left = await signOuts.count(); left > 0; left--) {
    await signOuts.first().click();
    await expect(signOuts).toHaveCount(left - 1);
    await hydrated(page);
  }
  await expect(sessions.getByRole('row')).toHaveCount(2); // the header row and this browser
  // The other browser's next page asks it to sign in; this one is still signed in.
  await open(other, '/profile');
  await expect(other).toHaveURL(/\/sign-in\?next=%2Fprofile$/);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
  await otherContext.close();

  // "Sign out everywhere" ends this browser's session too.
  await hydrated(page);
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await open(page, '/profile');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprofile$/);
});

test('the profile is in Norwegian for a Norwegian reader', async ({ browser, javaScriptEnabled }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled, locale: 'nb-NO' });
  const page = await context.newPage();
  await signIn(page, 'ingrid@fjord-megling.example', 'nb');
  await open(page, '/profile');
  await expect(page.getByRole('heading', { name: 'Profilen din' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Bruker-ID' })).toHaveValue(/^[0-9a-f-]{36}$/);
  await expect(page.getByRole('table', { name: 'Der du er logget inn' }).getByText('Denne nettleseren')).toBeVisible();
  await context.close();
});
