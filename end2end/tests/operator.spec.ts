import { expect, test } from '@playwright/test';
import { open, signIn, uniqueEmail } from './helpers';

test('the operator onboards a customer with an installation and a contact person', async ({ page }) => {
  await signIn(page, 'ops@portico.example');
  await page.getByRole('list', { name: 'Organizations' }).getByRole('link', { name: /Portico Platform/ }).click();
  await expect(page.getByTestId('acting-as')).toHaveText('Portico Platform');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organizations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organizations' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nordic Integrations AS' })).toBeVisible();

  // A business identifier without its scheme is refused with a clear message.
  const name = `Havn Eiendom ${Date.now()}`;
  await page.getByLabel('Kind').selectOption('customer');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Business identifier').fill('911222337');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page.getByRole('alert')).toContainText('identifier scheme');

  await page.getByLabel('Kind').selectOption('customer');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Identifier scheme').selectOption('business:NO:ORG');
  await page.getByLabel('Business identifier').fill('911222337');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('No installations yet.')).toBeVisible();

  // Installations: bad IDs and a second sandbox are refused; a good one is listed.
  await page.getByLabel('Installation ID').fill('bad id!');
  await page.getByLabel('Installation name').fill('Havn Oslo');
  await page.getByRole('button', { name: 'Add installation' }).click();
  await expect(page.getByRole('alert')).toContainText('2 to 32 letters');
  const installationId = `H${Date.now().toString().slice(-7)}`;
  await page.getByLabel('Installation ID').fill(installationId);
  await page.getByLabel('Installation name').fill('Havn Oslo');
  await page.getByLabel('This is the partner sandbox').check();
  await page.getByRole('button', { name: 'Add installation' }).click();
  await expect(page.getByRole('alert')).toHaveText('There is already a partner sandbox installation.');
  await page.getByLabel('Installation ID').fill(installationId);
  await page.getByLabel('Installation name').fill('Havn Oslo');
  await page.getByLabel('This is the partner sandbox').uncheck();
  await page.getByRole('button', { name: 'Add installation' }).click();
  await expect(page.getByRole('table', { name: 'Installations' }).getByRole('cell', { name: installationId })).toBeVisible();

  // The contact person becomes an admin with a pending invitation.
  const contact = uniqueEmail('contact');
  await page.getByLabel("Contact person's e-mail").fill(contact);
  await page.getByRole('button', { name: 'Invite contact person' }).click();
  await expect(page.getByRole('list', { name: 'Admins' })).toContainText(contact);
  await expect(page.getByRole('list', { name: 'Admins' })).toContainText('Invitation pending');

  // Deactivating an installation and the organization, then reactivating the organization.
  await page.getByRole('button', { name: `Deactivate ${installationId}` }).click();
  await expect(page.getByRole('row').filter({ hasText: installationId })).toContainText('Deactivated');
  await expect(page.getByRole('button', { name: `Reactivate ${installationId}` })).toBeVisible();
  await page.getByRole('link', { name: 'Deactivate organization' }).click();
  await expect(page.getByText(/^Deactivate .+\? Its members can no longer act as it/)).toBeVisible();
  await page.getByRole('button', { name: 'Deactivate organization' }).click();
  await expect(page.getByRole('button', { name: 'Reactivate organization' })).toBeVisible();
  await expect(page.getByText('Deactivated: nobody can act as it')).toBeVisible();
  await page.getByRole('button', { name: 'Reactivate organization' }).click();
  // Back to the page itself, not to the deactivation's confirmation.
  await expect(page.getByRole('link', { name: 'Deactivate organization' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Deactivate organization' })).toHaveCount(0);
});

test("a partner cannot open the operator's screens", async ({ page }) => {
  await signIn(page, 'max@nordic-integrations.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Nordic Integrations AS');
  const partnerUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organizations' })).toHaveCount(0);
  const res = await open(page, `${partnerUrl}/organizations`);
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
});

test('operator members can read the catalog but not import one', async ({ page }) => {
  await signIn(page, 'support@portico.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Portico Platform');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
  await expect(page.getByText(/^\d{3} functions in \d+ areas; \d+ support push\./)).toBeVisible();
  const fn = (key: string) => ({ key, name: 'Read widget', area: 'Widgets', method: 'GET', path: '/widgets/{id}' });
  const file = (functions: object[]) => ({ name: 'catalog.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ functions })) });
  await page.getByLabel('Catalog file').setInputFiles(file([fn('widgets.read')]));
  await page.getByRole('button', { name: 'Upload catalog' }).click();
  await expect(page.getByRole('alert')).toHaveText('You do not have access to this.');
});

test('an operator admin uploads a catalog file and sees per-entry errors', async ({ page, javaScriptEnabled }) => {
  await signIn(page, 'ops@portico.example');
  await page.getByRole('list', { name: 'Organizations' }).getByRole('link', { name: /Portico Platform/ }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
  const key = javaScriptEnabled === false ? 'widgets.nojs' : 'widgets.js';
  const good = { key, name: 'Read widget', area: 'Widgets', method: 'GET', path: '/widgets/{id}' };
  const bad = { key: 'Bad Key', name: 'x', area: 'Widgets', method: 'FETCH', path: '/x' };
  const file = (functions: object[]) => ({ name: 'catalog.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ functions })) });
  await page.getByLabel('Catalog file').setInputFiles(file([good, bad]));
  await page.getByRole('button', { name: 'Upload catalog' }).click();
  await expect(page.getByRole('alert')).toContainText('Entry 2 (Bad Key): key must be');
  await expect(page.getByRole('alert')).toContainText('method must be one of');
  await page.getByLabel('Catalog file').setInputFiles(file([good]));
  await page.getByRole('button', { name: 'Upload catalog' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 1 created, 0 updated, 0 unchanged.' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Areas' }).getByRole('row', { name: /Widgets/ })).toBeVisible();
});
