import { expect, test } from '@playwright/test';
import { hydrated, latestLink, open, signIn, uniqueEmail } from './helpers';

test('an admin invites a user, who then signs in with the invitation', async ({ page, browser }) => {
  await signIn(page, 'kari@solheim.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Solheim Eiendom AS');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();

  // Bad input first: a clear message, nothing added.
  await page.getByLabel('E-mail address').fill('bob@');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('alert')).toHaveText('Enter a valid e-mail address, like name@example.com.');

  const email = uniqueEmail('invitee');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption('member');
  await page.getByRole('button', { name: 'Submit' }).click();
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Invitation pending');

  // The invitee opens the mailed link in their own browser and accepts.
  const link = await latestLink(page.request, email);
  const ctx = await browser.newContext();
  const invitee = await ctx.newPage();
  await open(invitee, link);
  await expect(invitee.getByRole('heading', { name: 'Accept invitation' })).toBeVisible();
  await expect(invitee.getByText('Solheim Eiendom AS')).toBeVisible();
  await invitee.getByRole('button', { name: 'Sign in' }).click();
  await expect(invitee.getByTestId('acting-as')).toHaveText('Solheim Eiendom AS');
  // A member sees the list but cannot change it.
  await invitee.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await expect(invitee.getByText('Only admins can add or change members.')).toBeVisible();
  await expect(invitee.getByRole('button', { name: 'Submit' })).toHaveCount(0);
  await ctx.close();

  // The admin sees the sign-in, then removes the new member.
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole('row').filter({ hasText: email })).not.toContainText('Invitation pending');
  await page.getByRole('link', { name: `Remove ${email}` }).click();
  await expect(page.getByText(`Remove ${email} from this organization?`)).toBeVisible();
  await page.getByRole('button', { name: `Remove ${email}` }).click();
  await expect(page.getByRole('row').filter({ hasText: email })).toHaveCount(0);
});

test('the last admin cannot be removed', async ({ page }) => {
  await signIn(page, 'olav@brokerbase.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await page.getByRole('link', { name: 'Remove olav@brokerbase.example' }).click();
  await page.getByRole('button', { name: 'Remove olav@brokerbase.example' }).click();
  await expect(page.getByRole('alert')).toContainText('at least one admin');
  await expect(page.getByRole('row').filter({ hasText: 'olav@brokerbase.example' })).toBeVisible();
});
