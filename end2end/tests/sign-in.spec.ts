import { expect, test } from '@playwright/test';
import { latestLink, mailCount, signIn, signInHere, uniqueEmail, open } from './helpers';

test('bad e-mail input gets a clear message and sends nothing', async ({ page }) => {
  await open(page, '/sign-in');
  await page.getByLabel('E-mail address').fill('not-an-address');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Enter a valid e-mail address, like name@example.com.');
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toHaveCount(0);
});

test('an unknown address gets the same answer and no mail', async ({ page }) => {
  const email = uniqueEmail('nobody');
  await open(page, '/sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  expect(await mailCount(page.request, email)).toBe(0);
});

test('sign in, choose an organization, switch, sign out', async ({ page }) => {
  await signIn(page, 'demo@portico.example');

  // Several memberships: the chooser lists them with their kind.
  await expect(page.getByRole('heading', { name: 'Choose whom to act as' })).toBeVisible();
  const choices = page.getByRole('list', { name: 'Organizations' });
  await expect(choices.getByRole('link')).toHaveCount(3);
  await choices.getByRole('link', { name: /Nordic Integrations AS/ }).click();
  await expect(page.getByTestId('acting-as')).toHaveText('Nordic Integrations AS');
  await expect(page.getByRole('heading', { level: 1, name: 'Nordic Integrations AS' })).toBeVisible();
  await expect(page.getByText('TEST', { exact: true })).toBeVisible();
  const partnerUrl = page.url();

  // Switch to a customer.
  await page.getByRole('link', { name: 'Switch organization' }).click();
  await page.getByRole('list', { name: 'Organizations' }).getByRole('link', { name: /Solheim Eiendom AS/ }).click();
  await expect(page.getByTestId('acting-as')).toHaveText('Solheim Eiendom AS');
  await expect(page.getByRole('cell', { name: 'SOLOSL' })).toBeVisible();

  // The URL carries the organization, so another tab can act as another organization.
  const other = await page.context().newPage();
  await open(other, partnerUrl);
  await expect(other.getByTestId('acting-as')).toHaveText('Nordic Integrations AS');
  await expect(page.getByTestId('acting-as')).toHaveText('Solheim Eiendom AS');
  await other.close();

  // An organization the user does not belong to is refused.
  const res = await page.goto('/o/999999');
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();

  await open(page, partnerUrl);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(partnerUrl);
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a used sign-in link cannot be used again', async ({ page, browser }) => {
  const before = await mailCount(page.request, 'per@solheim.example');
  await open(page, '/sign-in');
  await page.getByLabel('E-mail address').fill('per@solheim.example');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const link = await latestLink(page.request, 'per@solheim.example', before);
  await open(page, link);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('acting-as')).toHaveText('Solheim Eiendom AS');

  const fresh = await browser.newContext();
  const again = await fresh.newPage();
  await open(again, link);
  await expect(again.getByRole('heading', { name: 'Link not valid' })).toBeVisible();
  await fresh.close();
});

test('with JavaScript the page hydrates and navigates without reloading', async ({ page, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, 'hydration needs JavaScript');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, 'max@nordic-integrations.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Nordic Integrations AS');
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
  // A marker on the window survives client-side routing but not a page load.
  await page.evaluate(() => ((window as any).porticoMarker = 42));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  expect(await page.evaluate(() => (window as any).porticoMarker)).toBe(42);
  await expect(page.getByRole('link', { name: 'Users' })).toHaveAttribute('aria-current', 'page');
  expect(errors).toEqual([]);
});

test('an unknown address answers 404 with a way back', async ({ page }) => {
  const res = await page.goto('/no-such-page');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the start page' })).toBeVisible();
});

test('a deep link opened signed out lands there after sign-in', async ({ page }) => {
  // The customer's "upgrade available" e-mail links to a product's panel on the suppliers page.
  await signIn(page, 'per@solheim.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Solheim Eiendom AS');
  const dashboard = new URL(page.url()).pathname;
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const deep = `${dashboard}/users?from=mail`;
  const res = await page.goto(deep);
  expect(res?.ok()).toBeTruthy();
  await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(deep)}`);
  await signInHere(page, 'per@solheim.example');
  await expect(page).toHaveURL(deep);
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
});
