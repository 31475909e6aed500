import { expect, test, type Page } from '@playwright/test';
import { hydrated, open, productTab, shipNewVersion, signIn } from './helpers';

test('a customer admin is notified, reviews the changes, keeps the version, then upgrades', async ({ page, browser, javaScriptEnabled }) => {
  const js = javaScriptEnabled !== false;
  const { baseURL } = test.info().project.use;
  const partnerContext = await browser.newContext({ baseURL, javaScriptEnabled: js });
  const partner = await partnerContext.newPage();
  // Each project adds its own function: both run against one database.
  const [key, label] = js ? ['bids.read', 'Read bid'] : ['tasks.read', 'Read task'];
  const version = await shipNewVersion(partner, js, key, label);

  // The customer administrator sees the bell (the queue is processed in the background).
  await signIn(page, 'kari@solheim.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Solheim Eiendom AS');
  // The dashboard lists the upgrade under "Needs your attention", newest first.
  const attention = page.getByRole('region', { name: 'Needs your attention' });
  // Solheim runs the product on more than one installation: the title names which.
  const upgrade = `Upgrade available: Nordic Showing Planner version ${version} for Solheim Oslo`;
  await expect(async () => {
    await page.reload();
    await expect(attention.getByRole('link', { name: upgrade })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const bell = page.getByRole('link', { name: /Notifications, [1-9]\d* unread/ });
  await expect(async () => {
    await page.reload();
    await expect(bell).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await bell.click();
  await hydrated(page);
  // An earlier test's notice may have lit the bell first: wait for this version's own notice
  // (the queue is processed in the background), reloading the list until it is there.
  const notice = page.getByRole('link', { name: upgrade });
  await expect(async () => {
    await page.reload();
    await expect(notice).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await hydrated(page);
  await notice.click();
  await hydrated(page);

  // The upgradable card is at the top, and its panel is open.
  const cards = page.getByRole('list', { name: 'Products' }).getByRole('listitem');
  await expect(cards.first()).toContainText('Nordic Showing Planner');
  await expect(cards.first()).toContainText(`Upgrade available (version ${version})`);
  const panel = page.getByRole('complementary', { name: 'Nordic Showing Planner details' });
  await expect(panel.getByRole('heading', { name: /What version \d+ may access/ })).toBeVisible();

  // Keep the current version: nothing changes, the badge stays, and the choice is recorded
  // (the partner reads it in the sales unit's history).
  await panel.getByLabel('Keep current version').check();
  await panel.getByRole('button', { name: 'Next' }).click();
  await hydrated(page);
  await expect(page.getByText(/You keep version \d+\. Nothing changes/)).toBeVisible();
  await expect(cards.first()).toContainText(`Upgrade available (version ${version})`);
  await panel.getByRole('button', { name: /^Keep version \d+$/ }).click();
  await expect(page.getByText('Recorded: you keep the version you run.')).toBeVisible();
  await expect(panel.getByRole('list', { name: 'History' })).toContainText(`instead of version ${version}`);
  await expect(cards.first()).toContainText(`Upgrade available (version ${version})`);
  await hydrated(page);

  // Upgrade: review the exact changes, then "Upgrade product".
  await panel.getByLabel(`Upgrade to version ${version}`).check();
  await panel.getByRole('button', { name: 'Next' }).click();
  await hydrated(page);
  await expect(panel.getByRole('heading', { name: `Review the changes in version ${version}` })).toBeVisible();
  const changes = panel.getByLabel('Changes');
  await expect(changes).toContainText('Added functions');
  await expect(changes).toContainText(label);
  await expect(changes).toContainText(`Now with ${label.toLowerCase()}.`);
  await panel.getByRole('button', { name: 'Upgrade product' }).click();
  await expect(page.getByText('Upgraded. The new version\'s access applies from now on.')).toBeVisible();
  await expect(cards.first()).toContainText(`Active at version ${version}`);
  await expect(panel.getByRole('list', { name: 'History' })).toContainText(`to version ${version}`);

  // The partner's adoption view shows the installation on the new version.
  await partner.reload();
  await productTab(partner, 'Installations');
  const adoption = partner.getByRole('table', { name: 'Adoption' });
  await expect(adoption.getByRole('row', { name: /SOLOSL/ })).toContainText(`Version ${version}`);
  await expect(adoption.getByRole('row', { name: /SOLOSL/ })).toContainText('Up to date');
  // The partner's admins were told of both moves, with a link to the sales unit.
  const partnerOrg = new URL(partner.url()).pathname.split('/').slice(0, 3).join('/');
  await open(partner, `${partnerOrg}/notifications`);
  await expect(partner.getByRole('link', { name: 'Solheim Eiendom AS kept its version of Nordic Showing Planner' }).first()).toBeVisible();
  await partner.getByRole('link', { name: 'Solheim Eiendom AS upgraded Nordic Showing Planner' }).first().click();
  await expect(partner).toHaveURL(new RegExp(`${partnerOrg}/sales-units/SOLOSL$`));
  await partnerContext.close();
});

test("a member sees the panel read-only, and another customer's panel is refused", async ({ page }) => {
  await signIn(page, 'per@solheim.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Solheim Eiendom AS');
  const org = new URL(page.url()).pathname;
  await open(page, `${org}/suppliers?installation=SOLOSL&product=1`);
  const panel = page.getByRole('complementary', { name: 'Nordic Showing Planner details' });
  await expect(panel).toContainText('Only your organization\'s administrators can activate');
  await expect(panel.getByRole('button', { name: 'Next' })).toHaveCount(0);
  // Fjord Megling's installation, named from Solheim: not found.
  const res = await open(page, `${org}/suppliers?installation=123456&product=1`);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  expect(res?.status()).toBe(404);
});
