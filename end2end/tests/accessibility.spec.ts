import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { customerPages, open, operatorPages, partnerPages } from './helpers';

// axe runs inside the page, so only where JavaScript does; the markup is the server's either way.
test.beforeEach(({ javaScriptEnabled }) => {
  test.skip(javaScriptEnabled === false, 'axe-core runs in the page');
});

/** axe-core (WCAG 2.1 A and AA rules) on the open page: no serious or critical violation. */
async function noViolations(page: Page, path: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(bad, `${path}`).toEqual([]);
}

/** Each page, once hydrated, passes [noViolations]. */
async function accessible(page: Page, paths: string[]) {
  for (const path of paths) {
    await open(page, path);
    await noViolations(page, path);
  }
}

test("the signed-out pages and a partner's pages are accessible", async ({ page }) => {
  await accessible(page, ['/sign-in', '/request-access', '/no-such-page']);
  // The API reference is written by the server alone (nothing to hydrate).
  await page.goto('/api/docs');
  await noViolations(page, '/api/docs');
  // The partner's pages, with a confirmation open, and another organization's (403).
  await accessible(page, [...(await partnerPages(page)), '/o/999999']);
});

test("a customer's and the operator's pages are accessible", async ({ page, browser }) => {
  await accessible(page, await customerPages(page));
  const ops = await browser.newContext();
  const op = await ops.newPage();
  await accessible(op, await operatorPages(op));
  await ops.close();
});
