import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

/** Waits, in the JavaScript project, until the WASM bundle has hydrated the page, so the
 * test exercises the hydrated forms rather than their no-JavaScript fallback. */
export async function hydrated(page: Page) {
  if (test.info().project.use.javaScriptEnabled !== false) {
    await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
  }
}

/** Opens a page and waits for hydration where JavaScript runs. */
export async function open(page: Page, url: string) {
  const res = await page.goto(url);
  await hydrated(page);
  return res;
}

/** The newest link mailed to `to`, read from the dev mailbox (waits until it arrives). */
export async function latestLink(request: APIRequestContext, to: string, after = 0, contains = ''): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const res = await request.get('/dev/mailbox.json');
      expect(res.ok()).toBeTruthy();
      const mails: { to: string; links: string[] }[] = await res.json();
      // Newest first; only mails that arrived after the first `after` count.
      const fresh = mails.filter((m) => m.to === to).slice(0, Math.max(0, mails.filter((m) => m.to === to).length - after));
      link = fresh.flatMap((m) => m.links).find((l) => l.includes(contains));
      return link;
    }, { message: `a mail to ${to}` })
    .toBeTruthy();
  return link!;
}

/** How many mails the dev mailbox holds for `to`. */
export async function mailCount(request: APIRequestContext, to: string): Promise<number> {
  const res = await request.get('/dev/mailbox.json');
  const mails: { to: string }[] = await res.json();
  return mails.filter((m) => m.to === to).length;
}

/** Signs in through the real flow: "Sign in", the mailed link, the confirmation POST. */
export async function signIn(page: Page, email: string) {
  const before = await mailCount(page.request, email);
  await open(page, '/sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  // Other mail (an upgrade notice, say) may arrive meanwhile: take the sign-in link.
  const link = await latestLink(page.request, email, before, '/sign-in/confirm');
  // The link opens a confirmation page; only its button signs in.
  await open(page, link);
  await expect(page.getByText(`Sign in as ${email}`)).toBeVisible();
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A unique address for a user created by a test run. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}
