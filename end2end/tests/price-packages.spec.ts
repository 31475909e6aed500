import { expect, test } from '@playwright/test';
import { open, signIn, watchPanics } from './helpers';

test('the operator creates a price package, offers it and sets it on a sales unit; the partner sees it', async ({ page }, info) => {
  // One package and one office per project, so the runs with and without JavaScript do not meet.
  const noJs = info.project.name === 'no-js';
  const name = noJs ? 'Kampanje uten JS' : 'Kampanje';
  const id = noJs ? 'HAV08' : 'HAV07';
  const noPanics = watchPanics(page);
  await signIn(page, 'ops@portico.example');
  await page.getByRole('list', { name: 'Organizations' }).getByRole('link', { name: /Portico Platform/ }).click();
  await expect(page.getByTestId('acting-as')).toHaveText('Portico Platform');
  const operator = new URL(page.url()).pathname;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Price packages' }).click();
  await expect(page.getByRole('table', { name: 'Price packages' })).toContainText('Danmark Standard');

  // A name the market already has is refused with the reason, and nothing is created.
  const form = page.getByRole('region', { name: 'New price package' });
  await form.getByLabel('Name').fill('standard');
  await form.getByLabel('Description').fill('0.99%');
  await form.getByRole('button', { name: 'Create price package' }).click();
  await expect(page.getByRole('alert')).toContainText('There is already a price package called “standard” in Norway.');

  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Description').fill('0.99%');
  await form.getByLabel('Market').selectOption('NO');
  await form.getByLabel('Commission').fill('10 %');
  await form.getByRole('button', { name: 'Create price package' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByLabel('Offer to partner').selectOption({ label: 'Nordic Integrations AS' });
  await page.getByRole('button', { name: 'Offer', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Offered to' })).toContainText('Nordic Integrations AS');

  // On the customer's page: a Danish package is not among the choices of a Norwegian customer.
  await open(page, `${operator}/organizations`);
  await page.getByRole('link', { name: 'Havnegata Eiendom AS' }).click();
  const packages = page.getByRole('list', { name: 'Price packages of the installations' });
  const unit = packages.getByRole('listitem').filter({ hasText: `(${id})` });
  await expect(unit.getByRole('option', { name: /Danmark/ })).toHaveCount(0);
  await unit.getByRole('combobox').selectOption({ label: `${name} (0.99%)` });
  await unit.getByRole('button', { name: `Save the price package of ${id}` }).click();
  if (!noJs) {
    await expect(page.getByText("The price package is saved, and the change is in the sales unit's history.")).toBeVisible();
  }
  await expect(unit.locator('option:checked')).toHaveText(`${name} (0.99%)`);

  // The partner: the package on its Price packages page, on the list and on the sales unit.
  await signIn(page, 'anna@nordic-integrations.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Nordic Integrations AS');
  const org = new URL(page.url()).pathname;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Price packages' }).click();
  const offered = page.getByRole('table', { name: 'Price packages' });
  await expect(offered.getByRole('row').filter({ hasText: name })).toContainText('10 %');
  await expect(offered).not.toContainText('Suomi Start'); // offered to Brokerbase only
  await open(page, `${org}/sales-units?q=${id}`);
  await expect(page.getByRole('table', { name: 'Sales units' }).getByRole('row').filter({ hasText: id })).toContainText(`${name} (0.99%)`);
  await open(page, `${org}/sales-units/${id}`);
  await expect(page.getByRole('table', { name: 'History' })).toContainText(`Changed the price package from “Standard (2.99%)” to “${name} (0.99%)”`);
  noPanics();
});
