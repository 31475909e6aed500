import { expect, test } from '@playwright/test';
import path from 'node:path';
import { signIn, watchPanics } from './helpers';

const fixtures = path.join(__dirname, '..', 'fixtures');

test("a partner renames a sales unit and changes its logo; the customer reads it in the history", async ({ page }, info) => {
  // One office per project, so the runs with and without JavaScript do not meet.
  const id = info.project.name === 'no-js' ? 'HAV06' : 'HAV05';
  const newName = `Havnegata ${id} (sentrum)`;
  const noPanics = watchPanics(page);
  await signIn(page, 'anna@nordic-integrations.example');
  // Signing in has landed on the dashboard (its URL names the organization).
  await expect(page.getByTestId('acting-as')).toHaveText('Nordic Integrations AS');
  const org = new URL(page.url()).pathname;
  await page.goto(`${org}/sales-units/${id}`);
  await expect(page.getByText('No logo yet.')).toBeVisible();

  // A bad name and a file that only claims to be a PNG are refused with the reason.
  await page.getByLabel('Name', { exact: true }).fill('Havnegata <script>');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('alert')).toContainText('letters, digits, spaces');
  await page.getByLabel('Logo (PNG or JPEG)').setInputFiles(path.join(fixtures, 'not-a-png.png'));
  await page.getByRole('button', { name: 'Upload logo' }).click();
  await expect(page.getByRole('alert')).toContainText('could not be read as an image');

  await page.getByLabel('Name', { exact: true }).fill(newName);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('heading', { level: 1, name: newName })).toBeVisible();
  await page.getByLabel('Logo (PNG or JPEG)').setInputFiles(path.join(fixtures, 'logo-120.png'));
  await page.getByRole('button', { name: 'Upload logo' }).click();
  await expect(page.getByText('The logo is saved.')).toBeVisible();
  const logo = page.getByRole('img', { name: `Logo of ${newName}` });
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
  const history = page.getByRole('table', { name: 'History' });
  await expect(history).toContainText(`to “${newName}”`);
  await expect(history).toContainText('Changed the logo');

  // The customer's administrator: told, and the same history on the installation's page.
  await signIn(page, 'eva@havnegata.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Havnegata Eiendom AS');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Installations' }).click();
  await page.getByRole('link', { name: newName }).click();
  await expect(page.getByRole('heading', { level: 1, name: newName })).toBeVisible();
  const theirs = page.getByRole('table', { name: 'History' });
  await expect(theirs).toContainText(`to “${newName}”`);
  await expect(theirs.getByRole('row').filter({ hasText: 'Changed the logo' })).toContainText('for Nordic Integrations AS');
  await expect(page.getByRole('img', { name: `Logo of ${newName}` })).toBeVisible();
  noPanics();
});
