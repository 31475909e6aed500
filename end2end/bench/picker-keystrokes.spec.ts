import { expect, test } from '@playwright/test';
import { open, signIn } from '../tests/helpers';

/** Milliseconds from a search keystroke (the input event) to the next frame after it, in
 * the page: what a user waits for before the list has filtered. */
async function keystroke(page: import('@playwright/test').Page, char: string): Promise<number> {
  return page.evaluate(async (c) => {
    const input = document.getElementById('fn-search') as HTMLInputElement;
    const start = performance.now();
    input.value += c;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    return performance.now() - start;
  }, char);
}

const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

test('search keystrokes in the picker with a large catalog', async ({ page }) => {
  await signIn(page, 'anna@nordic-integrations.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Nordic Integrations AS');
  const org = new URL(page.url()).pathname.match(/^\/o\/\d+/)![0];
  const t0 = Date.now();
  await open(page, `${org}/products/1/functions`);
  const loaded = Date.now() - t0;
  const counts = page.getByTestId('picker-counts');
  const total = Number((await counts.textContent())!.match(/of (\d+) functions/)![1]);

  // Typed one character at a time, then erased: every step filters the whole catalog.
  const times: number[] = [];
  for (const word of ['generated function 9', 'estate', 'zzz']) {
    for (const c of word) times.push(await keystroke(page, c));
    await page.getByRole('searchbox', { name: 'Search functions' }).fill('');
  }
  // The list really filtered: one word matches a known share of the catalog.
  await page.getByRole('searchbox', { name: 'Search functions' }).fill('generated function 9999');
  await expect(counts).toContainText(`1 of ${total} functions`);

  // "Show more" with JavaScript: the next page appears without a request for the page.
  await page.getByRole('searchbox', { name: 'Search functions' }).fill('');
  const items = page.locator('.picker-area li');
  const before = await items.count();
  const t1 = Date.now();
  await page.getByRole('link', { name: 'Show more' }).click();
  await expect(items).toHaveCount(2 * before);
  const more = Date.now() - t1;

  console.log(`picker with ${total} functions: page load and hydration ${loaded} ms; ` +
    `${times.length} keystrokes: p50 ${quantile(times, 0.5).toFixed(1)} ms, p90 ${quantile(times, 0.9).toFixed(1)} ms, ` +
    `max ${Math.max(...times).toFixed(1)} ms (aim: 50 ms); "Show more" ${more} ms`);
});
