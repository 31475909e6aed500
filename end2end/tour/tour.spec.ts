import { expect, test, type Page } from '@playwright/test';
import { open, signIn } from '../tests/helpers';

// The partner's product page, the picker and the customer's suppliers page, on a laptop and on
// a phone, for the README's tour.
const sizes = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

async function shot(page: Page, file: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `../docs/tour/${file}.png` });
}

for (const size of sizes) {
  test(`tour at ${size.width} px`, async ({ browser }) => {
    const partner = await (await browser.newContext({ viewport: size })).newPage();
    await signIn(partner, 'anna@nordic-integrations.example');
    await expect(partner.getByTestId('acting-as')).toHaveText('Nordic Integrations AS');
    const org = new URL(partner.url()).pathname;
    await open(partner, `${org}/products`);
    const product = (await partner.getByRole('link', { name: 'Nordic Showing Planner' }).getAttribute('href'))!;
    await open(partner, product);
    await shot(partner, `product-${size.name}`);
    await open(partner, `${product}/functions`);
    await shot(partner, `picker-${size.name}`);

    const customer = await (await browser.newContext({ viewport: size })).newPage();
    await signIn(customer, 'kari@solheim.example');
    await expect(customer.getByTestId('acting-as')).toHaveText('Solheim Eiendom AS');
    const home = new URL(customer.url()).pathname;
    await open(customer, `${home}/suppliers`);
    await customer.getByRole('link', { name: /Nordic Showing Planner/ }).first().click();
    await expect(customer.getByRole('complementary', { name: 'Nordic Showing Planner details' })).toBeVisible();
    await shot(customer, `suppliers-${size.name}`);
  });
}
