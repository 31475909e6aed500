import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { open, signIn } from './helpers';

// axe runs inside the page, so only where JavaScript does; the markup is the server's either way.
test.beforeEach(({ javaScriptEnabled }) => {
  test.skip(javaScriptEnabled === false, 'axe-core runs in the page');
});

/** axe-core (WCAG 2.1 A and AA rules) on each page: no serious or critical violation. */
async function accessible(page: Page, paths: string[]) {
  for (const path of paths) {
    await open(page, path);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    expect(bad, `${path}`).toEqual([]);
  }
}

test("the signed-out pages and a partner's pages are accessible", async ({ page }) => {
  await accessible(page, ['/sign-in', '/no-such-page']);
  await signIn(page, 'anna@nordic-integrations.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Nordic Integrations AS');
  const org = new URL(page.url()).pathname;
  await open(page, `${org}/products`);
  const product = (await page.getByRole('link', { name: 'Nordic Showing Planner' }).getAttribute('href'))!;
  await accessible(page, [
    org,
    `${org}/products`,
    `${org}/products/new`,
    product,
    `${product}?confirm=retire`,
    `${product}/edit`,
    `${product}/functions`,
    `${product}/access`,
    `${org}/webhooks`,
    `${org}/legacy-access`,
    `${org}/users`,
    `${org}/notifications`,
    '/o/999999',
  ]);
});

test("a customer's and the operator's pages are accessible", async ({ page, browser }) => {
  await signIn(page, 'kari@solheim.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Solheim Eiendom AS');
  const customer = new URL(page.url()).pathname;
  await open(page, `${customer}/suppliers`);
  const card = (await page.getByRole('link', { name: /Nordic Showing Planner/ }).first().getAttribute('href'))!;
  await accessible(page, [customer, `${customer}/suppliers`, card, `${customer}/users`]);

  const ops = await browser.newContext();
  const op = await ops.newPage();
  await signIn(op, 'ops@portico.example');
  await op.getByRole('list', { name: 'Organizations' }).getByRole('link', { name: /Portico Platform/ }).click();
  await expect(op.getByTestId('acting-as')).toHaveText('Portico Platform');
  const operator = new URL(op.url()).pathname;
  await open(op, `${operator}/organizations`);
  const solheim = (await op.getByRole('link', { name: 'Solheim Eiendom AS' }).getAttribute('href'))!;
  await accessible(op, [operator, `${operator}/organizations`, solheim, `${solheim}?confirm=deactivate`, `${operator}/catalog`]);
  await ops.close();
});
