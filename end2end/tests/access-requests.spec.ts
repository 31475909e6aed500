import { expect, test, type Page } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { hydrated, latestLink, open, signIn, uniqueEmail } from './helpers';

/** Opens the operator's access request queue as ops, in a browser of their own. */
async function queueAsOps(page: Page) {
  await signIn(page, 'ops@portico.example');
  await page.getByRole('list', { name: 'Organizations' }).getByRole('link', { name: /Portico Platform/ }).click();
  await expect(page.getByTestId('acting-as')).toHaveText('Portico Platform');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Access requests' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Access requests' })).toBeVisible();
  await hydrated(page);
}

/** Follows the confirmation link mailed to `email` and confirms the request. */
async function confirm(page: Page, email: string, says: string) {
  const link = await latestLink(page.request, email, 0, '/request-access/confirm');
  await open(page, link);
  await expect(page.getByText(says)).toBeVisible();
  await page.getByRole('button', { name: 'Confirm request' }).click();
  await expect(page.getByRole('heading', { name: 'Request received' })).toBeVisible();
}

test('a company asks to become a partner, confirms its address and is approved', async ({ page, browser, javaScriptEnabled }) => {
  test.skip(javaScriptEnabled === false, 'the no-JavaScript flow is the next test');
  const company = `Fjellvann Data ${Date.now()}`;
  const email = uniqueEmail('pia');
  await open(page, '/sign-in');
  await page.getByRole('link', { name: 'Request access' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Request access' })).toBeVisible();
  await hydrated(page);
  await page.getByLabel('Company or organization').fill(company);
  await page.getByLabel('Your name').fill('Pia Partner');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('What do you want to build?').fill('Viewing bookings for estate agents');
  // A partner is a company: without its organisation number the request is refused.
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('alert')).toContainText('business identifier');
  await page.getByLabel('Business identifier').fill('923 609 016');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  await confirm(page, email, `You asked for ${company} to become a partner.`);

  const ops = await browser.newContext({ baseURL });
  const op = await ops.newPage();
  await queueAsOps(op);
  const request = op.getByRole('article', { name: new RegExp(company) });
  await expect(request.getByText('Viewing bookings for estate agents')).toBeVisible();
  await expect(request.getByText('business:NO:ORG 923609016')).toBeVisible();
  await request.getByRole('button', { name: 'Approve and create partner' }).click();
  await expect(op.getByText('Approved: the requester is invited and told by e-mail.')).toBeVisible();
  await expect(request).toHaveCount(0);
  await op.getByRole('link', { name: 'Approved', exact: true }).click();
  await expect(op.getByRole('article', { name: new RegExp(company) }).getByRole('link', { name: company })).toBeVisible();
  await ops.close();

  // The contact person signs in as the new partner's admin.
  await signIn(page, email);
  await expect(page.getByTestId('acting-as')).toHaveText(company);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Products' })).toBeVisible();
});

test('a person asks to join an organization without JavaScript; the operator invites them or declines', async ({ page, browser, javaScriptEnabled }) => {
  test.skip(javaScriptEnabled !== false, 'the JavaScript flow is the test before');
  const email = uniqueEmail('jo');
  const ask = async (org: string, who: string) => {
    await open(page, '/request-access');
    await page.getByLabel('Join an organization that is already here').check();
    await page.getByLabel('Company or organization').fill(org);
    await page.getByLabel('Your name').fill('Jo Joiner');
    await page.getByLabel('E-mail address').fill(who);
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  };
  await ask('fjord megling', email);
  await confirm(page, email, 'You asked to join fjord megling.');

  const ops = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const op = await ops.newPage();
  await queueAsOps(op);
  const request = op.getByRole('article', { name: /fjord megling/ }).filter({ hasText: email });
  await expect(request.getByLabel('Organization to join')).toHaveValue(/\d+/);
  await expect(request.getByLabel('Organization to join').locator('option:checked')).toHaveText('Fjord Megling AS (Customer)');
  await request.getByLabel('Role').selectOption('member');
  await request.getByRole('button', { name: 'Approve and invite' }).click();
  await expect(op.getByRole('article').filter({ hasText: email })).toHaveCount(0);

  // A request nobody can match is declined with a message.
  const other = uniqueEmail('nemo');
  await ask('Nowhere Holding', other);
  await confirm(page, other, 'You asked to join Nowhere Holding.');
  await op.reload();
  const unknown = op.getByRole('article').filter({ hasText: other });
  await expect(unknown.getByText('No active organization has a name like this.')).toBeVisible();
  await unknown.getByLabel('Message to the requester').fill('We could not find Nowhere Holding here.');
  await unknown.getByRole('button', { name: 'Decline' }).click();
  await expect(op.getByRole('article').filter({ hasText: other })).toHaveCount(0);
  await op.getByRole('link', { name: 'Declined', exact: true }).click();
  await expect(op.getByRole('article').filter({ hasText: other }).getByText('We could not find Nowhere Holding here.')).toBeVisible();
  await ops.close();

  // Jo's invitation makes them a member of Fjord Megling.
  await signIn(page, email);
  await expect(page.getByTestId('acting-as')).toHaveText('Fjord Megling AS');
});
