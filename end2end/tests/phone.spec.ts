import { expect, test, type Page } from '@playwright/test';
import { customerPages, open, operatorPages, partnerPages, watchPanics } from './helpers';

// A phone's screen: no page of the demo may be wider than it (tables scroll in their own box).
const phone = { width: 390, height: 844 };
test.use({ viewport: phone });

/** Opens each page and checks that nothing makes the page scroll sideways, and (with
 * JavaScript) that every page hydrates without a panic: a resource created inside another's
 * `Suspend` once broke hydration of a whole page while its server render looked right. */
async function fitsTheScreen(page: Page, paths: string[]) {
  const noPanics = watchPanics(page);
  for (const path of paths) {
    const res = await open(page, path);
    expect(res?.status(), path).toBe(200);
    const { scroll, viewport } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(scroll, `${path} is ${scroll} px wide on a ${viewport} px screen`).toBeLessThanOrEqual(viewport);
  }
  noPanics();
}

test("a partner's pages fit a phone", async ({ page }) => {
  const paths = await partnerPages(page);
  // The navigation stays within reach above the content.
  const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
  expect(nav!.y + nav!.height).toBeLessThan(260);
  await fitsTheScreen(page, paths);
});

test("a customer's and the operator's pages fit a phone", async ({ page, browser }) => {
  await fitsTheScreen(page, await customerPages(page));
  const ops = await browser.newContext({ viewport: phone });
  const op = await ops.newPage();
  await fitsTheScreen(op, await operatorPages(op));
  await ops.close();
});
