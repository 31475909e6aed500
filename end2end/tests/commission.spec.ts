import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { open, signIn, watchPanics } from './helpers';

test('a partner reads a month of commission and downloads it as CSV', async ({ page }) => {
  const noPanics = watchPanics(page);
  await signIn(page, 'anna@nordic-integrations.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Nordic Integrations AS');
  // The dashboard's figure leads to the newest month.
  const figure = page.getByRole('list', { name: 'Your figures' }).getByRole('link', { name: /commission for/ });
  await expect(figure).toContainText('NOK ');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Commission' }).click();
  const months = page.getByRole('table', { name: 'Months' });
  await expect(months.getByRole('row')).toHaveCount(4); // a header and three months
  await expect(months).toContainText('EUR '); // the Finnish offices are paid in euros
  await months.getByRole('link').first().click();
  const rows = page.getByRole('table', { name: 'Sales units' });
  await expect(rows.getByRole('row').filter({ hasText: 'HAV01' })).toContainText('Standard');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^commission-\d{4}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.split('\n')[0]).toBe('installation_id,price_package,volume,commission,currency');
  expect(csv).toContain('\nHAV01,Standard,');
  noPanics();
});

test('the operator uploads a statement: a bad line is named and changes nothing', async ({ page }, info) => {
  // One month per project, so the runs with and without JavaScript do not meet.
  const period = info.project.name === 'no-js' ? '2025-02' : '2025-01';
  const label = info.project.name === 'no-js' ? 'February 2025' : 'January 2025';
  const noPanics = watchPanics(page);
  await signIn(page, 'ops@portico.example');
  await page.getByRole('list', { name: 'Organizations' }).getByRole('link', { name: /Portico Platform/ }).click();
  await expect(page.getByTestId('acting-as')).toHaveText('Portico Platform');
  const operator = new URL(page.url()).pathname;
  await open(page, `${operator}/commission`);
  const upload = async (csv: string) => {
    const form = page.getByRole('region', { name: 'Upload statement' });
    await form.getByLabel('Partner').selectOption({ label: 'Brokerbase Software AS' });
    await form.getByLabel('Month').fill(period);
    await form.getByLabel('Statement (CSV)').setInputFiles({ name: 'statement.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await form.getByRole('button', { name: 'Upload statement' }).click();
  };
  const header = 'installation_id,price_package,volume,commission,currency\n';
  await upload(`${header}BBM01,Standard,1000.00,8.97,NOK\nBBM02,Standard,12.5.0,1,NOK\n`);
  await expect(page.getByRole('alert')).toContainText('Line 3: “12.5.0” is not an amount');
  await expect(page.getByRole('table', { name: 'Latest statements' })).not.toContainText(label);
  await upload(`${header}BBM01,Standard,1000.00,8.97,NOK\nBBM02,Standard,12.50,0.11,NOK\n`);
  await expect(page.getByRole('status')).toContainText(`The statement for ${label} is saved: 2 rows.`);
  await expect(page.getByRole('table', { name: 'Latest statements' }).getByRole('row').filter({ hasText: label })).toContainText('NOK 9.08');
  noPanics();
});
