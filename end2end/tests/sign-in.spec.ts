import { expect, test } from '@playwright/test';
import { latestLink, mailCount, signIn, uniqueEmail } from './helpers';

test('bad e-mail input gets a clear message and sends nothing', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill('not-an-address');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Enter a valid e-mail address, like name@example.com.');
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toHaveCount(0);
});

test('an unknown address gets the same answer and no mail', async ({ page }) => {
  const email = uniqueEmail('nobody');
  await page.goto('/sign-in');
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
  await other.goto(partnerUrl);
  await expect(other.getByTestId('acting-as')).toHaveText('Nordic Integrations AS');
  await expect(page.getByTestId('acting-as')).toHaveText('Solheim Eiendom AS');
  await other.close();

  // An organization the user does not belong to is refused.
  const res = await page.goto('/o/999999');
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();

  await page.goto(partnerUrl);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(partnerUrl);
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a used sign-in link cannot be used again', async ({ page, browser }) => {
  const before = await mailCount(page.request, 'per@solheim.example');
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill('per@solheim.example');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const link = await latestLink(page.request, 'per@solheim.example', before);
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('acting-as')).toHaveText('Solheim Eiendom AS');

  const fresh = await browser.newContext();
  const again = await fresh.newPage();
  await again.goto(link);
  await expect(again.getByRole('heading', { name: 'Link not valid' })).toBeVisible();
  await fresh.close();
});
