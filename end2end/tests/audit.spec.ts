import { expect, test } from '@playwright/test';
import { hydrated, signIn } from './helpers';

test("a partner admin filters the audit log by person and downloads it", async ({ page }) => {
  await signIn(page, 'nils@nordic-integrations.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Nordic Integrations AS');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await hydrated(page);
  await expect(page.getByText('What was done in or to Nordic Integrations AS')).toBeVisible();

  const filters = page.getByRole('search', { name: 'Filter the audit log' });
  await filters.getByLabel('Person').fill('anna@nordic');
  await filters.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/person=anna%40nordic/);
  const rows = page.getByRole('table', { name: 'Audit log' }).getByRole('row');
  await expect(rows.nth(1)).toContainText('anna@nordic-integrations.example');
  // Every entry shown is Anna's, and none is another partner's.
  const people = await rows.locator('td:nth-child(2)').allTextContents();
  expect(people.length).toBeGreaterThan(0);
  expect(people.every((p) => p === 'anna@nordic-integrations.example')).toBe(true);
  await expect(page.getByRole('table', { name: 'Audit log' })).not.toContainText('Brokerbase');

  // The download holds the same filtered entries.
  const href = (await page.getByRole('link', { name: 'Download CSV (the filtered entries)' }).getAttribute('href'))!;
  expect(href).toContain('person=anna%40nordic');
  const res = await page.request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const lines = (await res.text()).trim().split('\n');
  expect(lines[0]).toBe('time,person,acting_as,about,action,object,details,address');
  expect(lines.slice(1).every((l) => l.split(',')[1] === 'anna@nordic-integrations.example')).toBe(true);

  // A bad day is refused with a clear message.
  await filters.getByLabel('From').fill('2026-12-07');
  await filters.getByLabel('To', { exact: true }).fill('2026-12-01');
  await filters.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByText('The first day comes after the last.')).toBeVisible();
});

test('a member has no audit log', async ({ page }) => {
  await signIn(page, 'max@nordic-integrations.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Nordic Integrations AS');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  const org = new URL(page.url()).pathname;
  const res = await page.goto(`${org}/audit-log`);
  expect(res?.status()).toBe(403);
});
