import { expect, test, type Page } from '@playwright/test';
import { hydrated, open, shipNewVersion, signIn } from './helpers';

/** Chooses a language with the header's switch; the page comes back in it. */
async function choose(page: Page, language: 'Norsk' | 'English') {
  await page.getByRole('button', { name: language }).click();
  await expect(page.locator(`html[lang="${language === 'Norsk' ? 'nb' : 'en'}"]`)).toBeAttached();
  await hydrated(page);
}

// Whatever happens, the demo users keep English for the other tests (their saved language).
test.afterEach(async ({ page }) => {
  const { baseURL } = test.info().project.use;
  await page.request.post('/language', { form: { lang: 'en', back: '/' }, headers: { origin: baseURL! } });
});

test('a visitor whose browser asks for Norwegian gets the sign-in page in Norwegian', async ({ browser, javaScriptEnabled }) => {
  const { baseURL } = test.info().project.use;
  const context = await browser.newContext({ baseURL, javaScriptEnabled, locale: 'nb-NO' });
  const page = await context.newPage();
  await open(page, '/sign-in');
  await expect(page.locator('html[lang="nb"]')).toBeAttached();
  await expect(page.getByRole('heading', { name: 'Logg inn' })).toBeVisible();
  await expect(page.getByLabel('E-postadresse')).toBeVisible();
  await expect(page.getByText('Sign in', { exact: true })).toHaveCount(0);
  await context.close();
});

test('a partner builds a product in Norwegian, and the choice outlives signing out', async ({ page, javaScriptEnabled }) => {
  const js = javaScriptEnabled !== false;
  await signIn(page, 'anna@nordic-integrations.example');
  await choose(page, 'Norsk');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Produkter' }).click();
  await hydrated(page);
  await page.getByRole('link', { name: 'Nytt produkt' }).click();
  await hydrated(page);
  const name = `Nordisk visningsplan ${Date.now()}`;
  await page.getByLabel('Produktnavn').fill(name);
  await page.getByLabel('Ordreintegrasjon').check();
  await page.getByRole('button', { name: 'Legg til' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const sections = page.getByRole('navigation', { name: 'Produktets deler' });
  await sections.getByRole('link', { name: 'Versjoner', exact: true }).click();
  await expect(sections.getByRole('link', { name: 'Versjoner', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('table', { name: 'Versjoner' })).toContainText('Utkast');
  await hydrated(page);

  // "Endre funksjoner" → require one function → "Lagre endringer".
  await page.getByRole('navigation', { name: 'Produkt' }).getByRole('link', { name: 'Endre funksjoner' }).click();
  await expect(page.getByRole('heading', { name: 'Endre funksjoner' })).toBeVisible();
  await hydrated(page);
  const [key, label] = js ? ['documents.list', 'List documents'] : ['marketing.campaigns.list', 'List campaigns'];
  const search = page.getByRole('searchbox', { name: 'Søk i funksjoner' });
  await search.fill(key);
  if (!js) await search.press('Enter');
  await page.getByRole('link', { name: new RegExp(`^${label} ${key.replaceAll('.', '\\.')}`) }).click();
  await hydrated(page);
  await page.getByLabel('Krev tilgang til funksjonen').check();
  if (js) {
    await expect(page.getByText('1 ulagret endring.')).toBeVisible();
    await page.getByRole('button', { name: 'Lagre endringer' }).click();
    await expect(page.getByText(/Lagret versjon \d+: 1 lagt til\./)).toBeVisible();
    await expect(page.getByText('Ingen ulagrede endringer.')).toBeVisible();
  } else {
    await page.getByRole('button', { name: 'Lagre denne funksjonen' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Lagret versjon \d+: 1 lagt til/ })).toBeVisible();
  }
  await expect(page.getByTestId('picker-counts')).toContainText('1 påkrevd');

  // Signed out, this browser stays Norwegian; signed in again, so does Anna.
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page.getByRole('heading', { name: 'Logg inn' })).toBeVisible();
  await signIn(page, 'anna@nordic-integrations.example', 'nb');
  await expect(page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Produkter' })).toBeVisible();
  await choose(page, 'English');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Products' })).toBeVisible();
});

test('a customer administrator upgrades in Norwegian: Leverandør → the card → Videre → Oppdater produkt', async ({ page, browser, javaScriptEnabled }) => {
  const js = javaScriptEnabled !== false;
  const { baseURL } = test.info().project.use;
  const partnerContext = await browser.newContext({ baseURL, javaScriptEnabled: js });
  const partner = await partnerContext.newPage();
  const [key, label] = js ? ['employees.list', 'List employees'] : ['departments.list', 'List departments'];
  const version = await shipNewVersion(partner, js, key, label);
  await partnerContext.close();

  await signIn(page, 'kari@solheim.example');
  await choose(page, 'Norsk');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Leverandør' }).click();
  await hydrated(page);
  // Solheim has two installations; the product runs on SOLOSL.
  await page.getByLabel('Installasjon', { exact: true }).selectOption('SOLOSL');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await hydrated(page);
  // The upgrade is queued in the background: reload until the card offers it.
  const card = page.getByRole('list', { name: 'Produkter' }).getByRole('link', { name: /Nordic Showing Planner/ });
  await expect(async () => {
    await page.reload();
    await hydrated(page);
    await expect(card).toContainText(`Oppdatering tilgjengelig (versjon ${version})`, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await card.click();
  await hydrated(page);
  const panel = page.getByRole('complementary', { name: 'Om Nordic Showing Planner' });
  await panel.getByLabel(`Oppdater til versjon ${version}`).check();
  await panel.getByRole('button', { name: 'Videre' }).click();
  await hydrated(page);
  await expect(panel.getByRole('heading', { name: `Se over endringene i versjon ${version}` })).toBeVisible();
  await expect(panel.getByLabel('Endringer')).toContainText('Nye funksjoner');
  await expect(panel.getByLabel('Endringer')).toContainText(label);
  await panel.getByRole('button', { name: 'Oppdater produkt' }).click();
  await expect(page.getByText('Oppdatert. Den nye versjonens tilganger gjelder fra nå.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Produkter' })).toContainText(`Aktiv, versjon ${version}`);
  await expect(panel.getByRole('list', { name: 'Historikk' })).toContainText(`til versjon ${version}`);
  await choose(page, 'English');
});
