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

/** The sign-in page's words in each language. */
const signInWords = {
  en: { email: 'E-mail address', button: 'Sign in', sent: 'Check your e-mail', as: 'Sign in as' },
  nb: { email: 'E-postadresse', button: 'Logg inn', sent: 'Sjekk e-posten din', as: 'Logg inn som' },
};

/** Signs in through the real flow: "Sign in", the mailed link, the confirmation POST. `lang`
 * is the language the sign-in pages are shown in. */
export async function signIn(page: Page, email: string, lang: 'en' | 'nb' = 'en') {
  await open(page, '/sign-in');
  await signInHere(page, email, lang);
}

/** [signIn] from the sign-in page the browser is on (where a signed-out deep link led). */
export async function signInHere(page: Page, email: string, lang: 'en' | 'nb' = 'en') {
  const words = signInWords[lang];
  const before = await mailCount(page.request, email);
  await page.getByLabel(words.email).fill(email);
  await page.getByRole('button', { name: words.button }).click();
  await expect(page.getByRole('heading', { name: words.sent })).toBeVisible();
  // Other mail (an upgrade notice, say) may arrive meanwhile: take the sign-in link.
  const link = await latestLink(page.request, email, before, '/sign-in/confirm');
  // The link opens a confirmation page; only its button signs in.
  await open(page, link);
  await expect(page.getByText(`${words.as} ${email}`)).toBeVisible();
  await page.getByRole('button', { name: words.button }).click();
}

/** Opens one of the product page's sections (Overview, Versions, Credentials, ...). */
export async function productTab(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Product sections' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Product sections' }).getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
  await hydrated(page);
}

/** A unique address for a user created by a test run. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** The partner ships a new version of the demo product (active on SOLOSL) that adds one
 * function, and returns the new version's number. */
export async function shipNewVersion(partner: Page, js: boolean, key: string, label: string): Promise<number> {
  await signIn(partner, 'anna@nordic-integrations.example');
  await partner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Products' }).click();
  await partner.getByRole('link', { name: 'Nordic Showing Planner' }).click();
  await hydrated(partner);
  await productTab(partner, 'Versions');
  await partner.getByRole('button', { name: 'New version' }).click();
  await expect(partner.getByRole('heading', { name: 'Change functions' })).toBeVisible();
  await hydrated(partner);
  const version = Number((await partner.getByText(/^Version \d+ \(draft\)$/).textContent())!.match(/\d+/)![0]);
  const search = partner.getByRole('searchbox', { name: 'Search functions' });
  await search.fill(key);
  if (!js) await search.press('Enter');
  await partner.getByRole('link', { name: new RegExp(`^${label} ${key.replace('.', '\\.')}`) }).click();
  await hydrated(partner);
  await partner.getByLabel('Require access to function').check();
  await partner.getByRole('button', { name: js ? 'Save changes' : 'Save this function' }).click();
  await expect(partner.getByText(`Saved version ${version}: 1 added.`)).toBeVisible();
  await partner.getByRole('link', { name: '← Nordic Showing Planner' }).click();
  await hydrated(partner);
  await productTab(partner, 'Versions');
  await partner.getByLabel('Note to customers (why these changes)').fill(`Now with ${label.toLowerCase()}.`);
  await partner.getByRole('button', { name: 'Activate' }).click();
  await expect(partner.getByRole('table', { name: 'Versions' }).getByRole('row', { name: new RegExp(`Version ${version} `) })).toContainText('Active');
  return version;
}

/** Signs in as the demo partner (anna) and returns the pages of Nordic Integrations AS that
 * the page-by-page checks visit (phone width, accessibility), its product's among them. */
export async function partnerPages(page: Page): Promise<string[]> {
  await signIn(page, 'anna@nordic-integrations.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Nordic Integrations AS');
  const org = new URL(page.url()).pathname;
  await open(page, `${org}/products`);
  const product = (await page.getByRole('link', { name: 'Nordic Showing Planner' }).getAttribute('href'))!;
  return [
    org,
    `${org}/products`,
    `${org}/products/new`,
    product,
    `${product}/versions`,
    `${product}/installations`,
    `${product}/credentials`,
    `${product}/webhooks`,
    `${product}/settings`,
    `${product}/settings?confirm=retire`,
    `${product}/edit`,
    `${product}/functions`,
    `${product}/access`,
    `${org}/sales-units`,
    `${org}/sales-units/SOLOSL`,
    `${org}/orders`,
    `${org}/product-orders`,
    `${org}/product-orders/new`,
    `${org}/product-order-templates`,
    `${org}/price-packages`,
    `${org}/commission`,
    `${org}/webhooks`,
    `${org}/api-keys`,
    `${org}/legacy-access`,
    `${org}/users`,
    `${org}/notifications`,
    `${org}/audit-log`,
  ];
}

/** Signs in as the demo customer administrator (kari) and returns Solheim Eiendom AS's pages. */
export async function customerPages(page: Page): Promise<string[]> {
  await signIn(page, 'kari@solheim.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Solheim Eiendom AS');
  const customer = new URL(page.url()).pathname;
  await open(page, `${customer}/suppliers`);
  const card = (await page.getByRole('link', { name: /Nordic Showing Planner/ }).first().getAttribute('href'))!;
  return [customer, `${customer}/suppliers`, card, `${customer}/users`, `${customer}/orders`, `${customer}/product-orders`, '/profile'];
}

/** Signs in as the operator (ops, acting as Portico Platform) and returns its pages. */
export async function operatorPages(page: Page): Promise<string[]> {
  await signIn(page, 'ops@portico.example');
  await page.getByRole('list', { name: 'Organizations' }).getByRole('link', { name: /Portico Platform/ }).click();
  await expect(page.getByTestId('acting-as')).toHaveText('Portico Platform');
  const operator = new URL(page.url()).pathname;
  await open(page, `${operator}/organizations`);
  const solheim = (await page.getByRole('link', { name: 'Solheim Eiendom AS' }).getAttribute('href'))!;
  const havnegata = (await page.getByRole('link', { name: 'Havnegata Eiendom AS' }).getAttribute('href'))!;
  await open(page, `${operator}/price-packages`);
  const standard = (await page.getByRole('link', { name: 'Standard', exact: true }).getAttribute('href'))!;
  return [
    operator,
    `${operator}/organizations`,
    solheim,
    `${solheim}?confirm=deactivate`,
    havnegata,
    `${operator}/catalog`,
    `${operator}/price-packages`,
    standard,
    `${operator}/commission`,
    `${operator}/product-orders`,
    `${operator}/audit-log`,
    `${operator}/access-requests`,
  ];
}

/** Collects the bundle's panics (a hydration mismatch kills every later click); call the
 * returned function at the end of a test to assert there were none. */
export function watchPanics(page: Page): () => void {
  const panics: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && m.text().includes('panicked')) panics.push(m.text().split('\n')[0]);
  });
  return () => expect(panics, 'panics in the browser').toEqual([]);
}
