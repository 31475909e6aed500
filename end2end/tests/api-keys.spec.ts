import { expect, test } from '@playwright/test';
import { hydrated, signIn } from './helpers';

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

test('a partner admin creates API keys, shown once, that read and change what the portal shows', async ({ page, request }) => {
  await signIn(page, 'anna@nordic-integrations.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible();
  await hydrated(page);
  const keysUrl = page.url();

  // Start from no active keys (both projects share one database).
  const revokeLinks = page.getByRole('link', { name: /^Revoke API key \d$/ });
  while ((await revokeLinks.count()) > 0) {
    const before = await revokeLinks.count();
    const name = (await revokeLinks.first().getAttribute('aria-label'))!;
    await revokeLinks.first().click();
    await expect(page.getByText(`${name}? Every call made with it is refused`)).toBeVisible();
    await page.getByRole('button', { name }).click();
    await expect(revokeLinks).toHaveCount(before - 1);
  }

  // A read key: shown once, on its own page; it reads the sales units and cannot change them.
  await page.getByLabel('Access').selectOption('read');
  await page.getByRole('button', { name: 'Create API key' }).click();
  await expect(page.getByRole('heading', { name: 'API key 1' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('shown only once');
  const readId = await page.getByRole('textbox', { name: 'Key ID' }).inputValue();
  const readSecret = await page.getByRole('textbox', { name: 'Secret of API key 1' }).inputValue();
  expect(readId).toMatch(/^pk_[A-Za-z0-9_-]{24}$/);
  expect(readSecret).toMatch(/^pks_[A-Za-z0-9_-]{43}$/);
  const list = await request.get('/api/v1/partner/sales-units?installation_id=hav03', {
    headers: { Authorization: basic(readId, readSecret) },
  });
  expect(list.status()).toBe(200);
  expect((await list.json()).items.map((u: { installation_id: string }) => u.installation_id)).toEqual(['HAV03']);
  const name = `Havnegata API ${test.info().project.name}`;
  const refused = await request.patch('/api/v1/partner/sales-units/HAV03', {
    headers: { Authorization: basic(readId, readSecret) },
    data: { name },
  });
  expect(refused.status()).toBe(403);

  // A read and write key changes the name; the sales unit's history names the key.
  await page.getByRole('link', { name: 'Back to API keys' }).click();
  await expect(page.getByRole('table', { name: 'Your API keys' })).toContainText(readId);
  expect(await page.content()).not.toContain(readSecret);
  await page.getByLabel('Access').selectOption('read_write');
  await page.getByRole('button', { name: 'Create API key' }).click();
  await expect(page.getByRole('heading', { name: 'API key 2' })).toBeVisible();
  const writeId = await page.getByRole('textbox', { name: 'Key ID' }).inputValue();
  const writeSecret = await page.getByRole('textbox', { name: 'Secret of API key 2' }).inputValue();
  const changed = await request.patch('/api/v1/partner/sales-units/HAV03', {
    headers: { Authorization: basic(writeId, writeSecret) },
    data: { name },
  });
  expect(changed.status()).toBe(200);
  expect((await changed.json()).name).toBe(name);
  await page.goto(keysUrl.replace('/api-keys', '/sales-units/HAV03'));
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByText(/API key 2 \(pk_/).first()).toBeVisible();

  // Both active: no third; revoking key 1 refuses it at once.
  await page.goto(keysUrl);
  await hydrated(page);
  await expect(page.getByRole('button', { name: 'Create API key' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Revoke API key 1' }).click();
  await page.getByRole('button', { name: 'Revoke API key 1' }).click();
  await expect(page).not.toHaveURL(/confirm=/);
  const keys = page.getByRole('table', { name: 'Your API keys' });
  await expect(keys.getByRole('row', { name: /API key 1/ }).first()).toContainText('Revoked');
  const after = await request.get('/api/v1/partner/whoami', { headers: { Authorization: basic(readId, readSecret) } });
  expect(after.status()).toBe(401);

  // The API reference, from the keys page.
  await page.getByRole('link', { name: 'API reference' }).click();
  await expect(page.getByRole('heading', { name: 'API reference', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'GET /api/v1/partner/sales-units', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'SalesUnitPatch' })).toBeVisible();
});
