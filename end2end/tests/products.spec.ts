import { expect, test, type Page } from '@playwright/test';
import { hydrated, productTab, open, signIn } from './helpers';

/** Requires one function in the picker, with filter values: with JavaScript the change stays
 * local until "Save changes"; without it, the function's own form saves it at once. */
async function requireFunction(page: Page, js: boolean, search: string, link: RegExp, filters: string[] = []) {
  const searchBox = page.getByRole('searchbox', { name: 'Search functions' });
  await searchBox.fill(search);
  if (!js) await searchBox.press('Enter');
  await page.getByRole('link', { name: link }).click();
  await hydrated(page);
  await page.getByLabel('Require access to function').check();
  for (const f of filters) await page.getByLabel(f, { exact: true }).check();
  if (!js) {
    await page.getByRole('button', { name: 'Save this function' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Saved version \d+: 1 added/ })).toBeVisible();
  }
}

async function saveAll(page: Page, js: boolean, expected: RegExp) {
  if (js) {
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText(expected)).toBeVisible();
    await expect(page.getByText('No unsaved changes.')).toBeVisible();
    // The search the partner typed is still there after the save.
    await expect(page.getByRole('searchbox', { name: 'Search functions' })).not.toHaveValue('');
  }
}

test('a partner builds a product, activates it, then ships version 2 of an activated product', async ({ page, javaScriptEnabled }) => {
  const js = javaScriptEnabled !== false;
  await signIn(page, 'anna@nordic-integrations.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Nordic Integrations AS');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Products' }).click();
  await hydrated(page);
  await page.getByRole('link', { name: 'New product' }).click();
  await hydrated(page);

  // Bad input first: a clear message.
  await page.getByLabel('Product name').fill('X');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('alert')).toHaveText('The product name must be 3 to 100 characters.');

  const name = `Nordic Estate Feed ${Date.now()}`;
  await page.getByLabel('Product name').fill(name);
  await page.getByLabel('Order integration product').check();
  await page.getByLabel('Description').fill('Feeds estates for sale to the Nordic listing service.');
  await page.getByLabel('Support e-mail').fill('support@nordic-integrations.example');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  // In the test environment a new product starts restricted to the sandbox.
  await expect(page.getByText('MSVPAR (Partner sandbox)')).toBeVisible();
  await hydrated(page);
  await productTab(page, 'Versions');
  await expect(page.getByRole('table', { name: 'Versions' })).toContainText('Draft');
  await productTab(page, 'Settings');

  // A logo: an SVG that carries a script is refused with the reason; a plain one is shown.
  const logoField = () => page.getByLabel('Logo (PNG or SVG, at most 256 KB)');
  const svg = (extra: string) =>
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"${extra}><rect width="10" height="10" fill="#1f4fd1"/></svg>`);
  await logoField().setInputFiles({ name: 'evil.svg', mimeType: 'image/svg+xml', buffer: svg(' onload="alert(1)"') });
  await page.getByRole('button', { name: 'Upload logo' }).click();
  await expect(page.getByRole('alert')).toContainText('scripts or event handlers');
  await logoField().setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: svg('') });
  await page.getByRole('button', { name: 'Upload logo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Logo uploaded.' })).toBeVisible();
  await expect(page.getByRole('img', { name: `${name} logo` })).toBeVisible();
  await hydrated(page);

  // Find three functions by search and require them, one with a filter.
  await page.getByRole('navigation', { name: 'Product' }).getByRole('link', { name: 'Change functions' }).click();
  await hydrated(page);
  await expect(page.getByTestId('picker-counts')).toContainText('0 required');
  await requireFunction(page, js, 'estates.read', /^Read estate estates\.read/, ['for_sale', 'sold']);
  await requireFunction(page, js, 'list contacts', /^List contacts contacts\.list/);
  await requireFunction(page, js, 'viewing registration', /^List viewing registrations viewings\.registrations\.list/);
  if (js) await expect(page.getByText('3 unsaved changes.')).toBeVisible();
  await saveAll(page, js, /Saved version 1: 3 added\./);
  await expect(page.getByTestId('picker-counts')).toContainText('3 required');

  // Activate version 1 from the product page.
  await page.getByRole('link', { name: `← ${name}` }).click();
  await hydrated(page);
  await expect(page.getByText('Estate status: for_sale, sold')).toBeVisible();
  await productTab(page, 'Versions');
  await page.getByLabel('Note to customers (why these changes)').fill('First release.');
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByRole('table', { name: 'Versions' }).getByRole('row', { name: /Version 1/ })).toContainText('Active');

  // The demo product is active on customer installations: ship a new version of it.
  await page.getByRole('link', { name: '← Products' }).click();
  await page.getByRole('link', { name: 'Nordic Showing Planner' }).click();
  await hydrated(page);
  await productTab(page, 'Versions');
  const versions = page.getByRole('table', { name: 'Versions' });
  const before = await versions.getByRole('row').count();
  await page.getByRole('button', { name: 'New version' }).click();
  await expect(page.getByRole('heading', { name: 'Change functions' })).toBeVisible();
  await hydrated(page);
  const draft = (await page.getByText(/^Version \d+ \(draft\)$/).textContent())!.match(/\d+/)![0];
  // Each project adds its own function: both run against one database.
  const [key, label] = js ? ['bids.list', 'List bids'] : ['tasks.list', 'List tasks'];
  await requireFunction(page, js, key, new RegExp(`^${label} ${key.replace('.', '\\.')}`));
  await saveAll(page, js, new RegExp(`Saved version ${draft}: 1 added\\.`));
  await page.getByRole('link', { name: '← Nordic Showing Planner' }).click();
  await hydrated(page);
  await expect(page.getByRole('heading', { name: `Required functions (version ${draft})` })).toBeVisible();
  await expect(page.getByText(key, { exact: true })).toBeVisible();
  await productTab(page, 'Versions');
  await page.getByLabel('Note to customers (why these changes)').fill(`Adds ${label.toLowerCase()}.`);
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(versions.getByRole('row', { name: new RegExp(`Version ${draft} `) })).toContainText('Active');
  await expect(versions.getByRole('row')).toHaveCount(before + 1);
  // The customers stay on the version they activated until they upgrade.
  await expect(versions.getByRole('row', { name: /Superseded/ }).first()).toBeVisible();
});

test("another partner cannot open a partner's product", async ({ page }) => {
  await signIn(page, 'olav@brokerbase.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Brokerbase Software AS');
  const org = new URL(page.url()).pathname;
  // Product 1 is the demo product of Nordic Integrations.
  const res = await open(page, `${org}/products/1`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  const res2 = await open(page, `${org}/products/1/functions`);
  expect(res2?.status()).toBe(404);
});
