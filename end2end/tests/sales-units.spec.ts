import { expect, test, type Page } from '@playwright/test';
import { signIn, watchPanics } from './helpers';

/** Searches the sales units list with the one box. */
async function search(page: Page, text: string) {
  await page.getByRole('searchbox', { name: 'Search' }).fill(text);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/q=/);
}

function rows(page: Page) {
  return page.getByRole('table', { name: 'Sales units' }).locator('tbody tr');
}

test('a partner finds its sales units by name, installation ID, customer or business identifier', async ({ page }) => {
  const noPanics = watchPanics(page);
  await signIn(page, 'anna@nordic-integrations.example');
  // The dashboard's figures link to the list.
  // The demo connects 60; the product-orders spec may have connected a few more by now.
  const figures = page.getByRole('list', { name: 'Your figures' });
  await expect(figures).toContainText(/\d+\s*sales units/);
  const total = Number((await figures.textContent())!.match(/(\d+)\s*sales units/)![1]);
  expect(total).toBeGreaterThanOrEqual(60);
  expect(total).toBeLessThan(100);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sales units' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sales units' })).toBeVisible();
  await expect(rows(page)).toHaveCount(50);
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(rows(page)).toHaveCount(total - 50);
  await expect(page.getByRole('link', { name: 'First page' })).toBeVisible();

  await search(page, 'Nordlys Tromsø');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('NLY08');
  // The exact installation ID ranks first.
  await search(page, 'hav03');
  await expect(rows(page).first()).toContainText('HAV03');
  await search(page, 'Aarhus Bolig');
  await expect(rows(page)).toHaveCount(8);
  await expect(rows(page).first()).toContainText('business:DK:CVR 25313763');
  await search(page, '2617416-4');
  await expect(rows(page)).toHaveCount(6);
  // A closed office and a deactivated customer are gone.
  await search(page, 'HAV17');
  await expect(page.getByText('No sales units match.')).toBeVisible();
  await search(page, 'Kystmegleren');
  await expect(page.getByText('No sales units match.')).toBeVisible();

  // "Upgrade pending" lists only sales units that run an older version (the products tests
  // may have shipped newer ones, or not).
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await page.getByLabel('Upgrade pending').check();
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/pending=1/);
  await expect(page.getByRole('checkbox', { name: 'Upgrade pending' })).toBeChecked();
  await expect(rows(page).filter({ hasNotText: 'Upgrade pending since' })).toHaveCount(0);

  // Open one: its details and history.
  await page.getByLabel('Upgrade pending').uncheck();
  await search(page, 'SOLOSL');
  await page.getByRole('link', { name: 'Solheim Oslo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Solheim Oslo' })).toBeVisible();
  await expect(page.getByText('Installation ID SOLOSL')).toBeVisible();
  const history = page.getByRole('table', { name: 'History' });
  await expect(history).toContainText('Activated Nordic Showing Planner at version 1');
  await expect(history).toContainText('kari@solheim.example');
  await expect(history).toContainText('for Solheim Eiendom AS');
  noPanics();
});

test("a partner sees another partner's pending upgrades, not its sales units", async ({ page }) => {
  await signIn(page, 'olav@brokerbase.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Brokerbase Software AS');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sales units' }).click();
  await expect(rows(page)).toHaveCount(14);
  await page.getByLabel('Upgrade pending').check();
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(rows(page)).toHaveCount(11);
  await expect(rows(page).first()).toContainText(/Upgrade pending since/);
  const org = new URL(page.url()).pathname.replace(/\/sales-units$/, '');
  const res = await page.goto(`${org}/sales-units/SOLOSL`);
  expect(res?.status()).toBe(404);
});
