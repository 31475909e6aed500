import { expect, test } from '@playwright/test';
import { hydrated, productTab, signIn } from './helpers';

test('a partner admin creates access key 1, sees it once, creates key 2 and revokes key 1', async ({ page, request }) => {
  await signIn(page, 'demo@portico.example');
  await page.getByRole('list', { name: 'Organizations' }).getByRole('link', { name: /Nordic Integrations AS/ }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Products' }).click();
  await page.getByRole('link', { name: 'Nordic Showing Planner' }).click();
  await hydrated(page);
  await productTab(page, 'Credentials');
  const productUrl = page.url();
  const clientId = await page.getByLabel('Client ID', { exact: true }).inputValue();
  expect(clientId).toMatch(/^pc_/);

  // Start from no active keys (both projects share one database).
  // Revoking asks first, naming the key; "Revoke" in the confirmation does it.
  const revokeLinks = page.getByRole('link', { name: /^Revoke Access key \d$/ });
  while ((await revokeLinks.count()) > 0) {
    const before = await revokeLinks.count();
    const name = (await revokeLinks.first().getAttribute('aria-label'))!;
    await revokeLinks.first().click();
    await expect(page.getByText(`${name}? Every call made with it is refused`)).toBeVisible();
    await page.getByRole('button', { name }).click();
    await expect(revokeLinks).toHaveCount(before - 1);
  }

  // Key 1: the secret is shown once, on its own page.
  await page.getByRole('button', { name: 'Create access key' }).click();
  await expect(page.getByRole('heading', { name: 'Access key 1' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('shown only once');
  const secret1 = await page.getByLabel('Secret of access key 1', { exact: true }).inputValue();
  expect(secret1).toMatch(/^psk_[A-Za-z0-9_-]{43}$/);

  // It works against the access-check API, and the product page never shows it.
  const check = () =>
    request.post('/api/v1/access-checks', {
      headers: { Authorization: `Basic ${Buffer.from(`${clientId}:${secret1}`).toString('base64')}` },
      // viewings.list is installation-wide (estates.read acts on one ordered estate).
      data: { installation_id: 'SOLOSL', function: 'viewings.list' },
    });
  const ok = await check();
  expect(ok.status()).toBe(200);
  expect((await ok.json()).reason).toBe('granted');
  await page.getByRole('link', { name: 'Back to the product' }).click();
  await hydrated(page);
  expect(await page.content()).not.toContain(secret1);

  // Key 2, then revoke key 1: key 1 is refused at once.
  await page.getByRole('button', { name: 'Create access key' }).click();
  await expect(page.getByRole('heading', { name: 'Access key 2' })).toBeVisible();
  await page.goto(productUrl);
  await hydrated(page);
  await expect(page.getByRole('button', { name: 'Create access key' })).toHaveCount(0);
  // Cancel changes nothing.
  await page.getByRole('link', { name: 'Revoke Access key 1' }).click();
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Revoke Access key 1' })).toHaveCount(0);
  expect((await check()).status()).toBe(200);
  await page.getByRole('link', { name: 'Revoke Access key 1' }).click();
  await page.getByRole('button', { name: 'Revoke Access key 1' }).click();
  await expect(page).not.toHaveURL(/confirm=/);
  const keys = page.getByRole('table', { name: 'Access keys' });
  await expect(keys.getByRole('row', { name: /Access key 1/ }).first()).toContainText('Revoked');
  await expect(keys.getByRole('row', { name: /Access key 2/ }).first()).toContainText('Active');
  expect((await check()).status()).toBe(401);
});
