import { expect, test, type Page } from '@playwright/test';
import { open, signIn } from './helpers';

// A phone's screen: no page of the demo may be wider than it (tables scroll in their own box).
test.use({ viewport: { width: 390, height: 844 } });

/** Opens each page and checks that nothing makes the page scroll sideways. */
async function fitsTheScreen(page: Page, paths: string[]) {
  for (const path of paths) {
    const res = await open(page, path);
    expect(res?.status(), path).toBe(200);
    const { scroll, viewport } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(scroll, `${path} is ${scroll} px wide on a ${viewport} px screen`).toBeLessThanOrEqual(viewport);
  }
}

test("a partner's pages fit a phone", async ({ page }) => {
  await signIn(page, 'anna@nordic-integrations.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Nordic Integrations AS');
  const org = new URL(page.url()).pathname;
  await open(page, `${org}/products`);
  const product = await page.getByRole('link', { name: 'Nordic Showing Planner' }).getAttribute('href');
  // The navigation stays within reach above the content.
  const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
  expect(nav!.y + nav!.height).toBeLessThan(260);
  await fitsTheScreen(page, [
    org,
    `${org}/products`,
    `${org}/products/new`,
    product!,
    `${product}/edit`,
    `${product}/functions`,
    `${product}/access`,
    `${org}/webhooks`,
    `${org}/legacy-access`,
    `${org}/users`,
    `${org}/notifications`,
  ]);
});

test("a customer's and the operator's pages fit a phone", async ({ page, browser }) => {
  await signIn(page, 'kari@solheim.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Solheim Eiendom AS');
  const customer = new URL(page.url()).pathname;
  await open(page, `${customer}/suppliers`);
  const card = await page.getByRole('link', { name: /Nordic Showing Planner/ }).first().getAttribute('href');
  await fitsTheScreen(page, [customer, `${customer}/suppliers`, card!, `${customer}/users`]);

  const ops = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const op = await ops.newPage();
  await signIn(op, 'ops@portico.example');
  await op.getByRole('list', { name: 'Organizations' }).getByRole('link', { name: /Portico Platform/ }).click();
  await expect(op.getByTestId('acting-as')).toHaveText('Portico Platform');
  const operator = new URL(op.url()).pathname;
  await open(op, `${operator}/organizations`);
  const solheim = await op.getByRole('link', { name: 'Solheim Eiendom AS' }).getAttribute('href');
  await fitsTheScreen(op, [operator, `${operator}/organizations`, solheim!, `${operator}/catalog`]);
  await ops.close();
});
