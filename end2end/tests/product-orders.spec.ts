import { expect, test, type Browser, type Page } from '@playwright/test';
import { hydrated, latestLink, open, signIn, signInHere, uniqueEmail } from './helpers';

/** A page of its own (a browser context: its own cookies) signed in as `email`. */
async function person(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

/** A browser context of its own, signed out: someone new to Portico. */
async function visitor(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

/** Someone new opens a sign-up link: signs in on the way (the link invites them), and lands on it. */
async function openAsNewcomer(page: Page, link: string, email: string) {
  await open(page, link);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await signInHere(page, email);
  await expect(page).toHaveURL(new RegExp(new URL(link).pathname.replaceAll('/', '\\/')));
  await hydrated(page);
}

/** The operator's staff, acting as Portico Platform, on its Product orders page. */
async function operator(browser: Browser) {
  const ops = await person(browser, 'ops@portico.example');
  const p = ops.page;
  await p.getByRole('list', { name: 'Organizations' }).getByRole('link', { name: /Portico Platform/ }).click();
  await expect(p.getByTestId('acting-as')).toHaveText('Portico Platform');
  await hydrated(p);
  return ops;
}

/** Opens `page`'s main navigation item `name`. */
async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  await hydrated(page);
}

/** The partner prefills an order for `businessId` named `name`; returns the order page's URL. */
async function prefill(p: Page, businessId: string, name: string, sendMail: boolean) {
  await nav(p, 'Product orders');
  await p.getByRole('link', { name: 'New product order' }).click();
  await hydrated(p);
  await p.getByLabel('Number').fill(businessId);
  await p.getByLabel('Product', { exact: true }).selectOption({ label: 'Nordic Showing Planner' });
  await p.getByLabel('Sales unit name').fill(name);
  if (sendMail) {
    await p.getByLabel('Contact e-mail').fill('kari@solheim.example');
    await p.getByLabel('E-mail the link to the contact').check();
  }
  await p.getByLabel('Note').fill('As agreed on the phone.');
  await p.getByRole('button', { name: 'Create product order' }).click();
  await expect(p.getByRole('definition').filter({ hasText: name })).toBeVisible();
  await hydrated(p);
  await expect(p.getByText('Received', { exact: true }).first()).toBeVisible();
  return p.url();
}

/** The operator finds the order named `name` in the queue and opens it. */
async function openInQueue(p: Page, name: string) {
  await nav(p, 'Product orders');
  await p.getByLabel('Search').fill(name);
  await p.getByRole('button', { name: 'Filter' }).click();
  await hydrated(p);
  await p.getByRole('table', { name: 'Product orders' }).getByRole('link').first().click();
  await hydrated(p);
  await expect(p.getByText('Submitted', { exact: true }).first()).toBeVisible();
}

test('a partner prefills, the customer submits from the mailed link, the operator approves, the partner sees the sales unit', async ({ browser, request }) => {
  const js = test.info().project.use.javaScriptEnabled !== false;
  const name = `Solheim Drammen ${js ? 'JS' : 'HTML'}`;
  const partner = await person(browser, 'anna@nordic-integrations.example');
  const customer = await person(browser, 'kari@solheim.example');
  const ops = await operator(browser);
  try {
    const orderPage = await prefill(partner.page, '912345688', name, true);
    // The customer opens the link from her mail: what the product will access, then consent.
    const link = await latestLink(request, 'kari@solheim.example', 0, '/sign-up/');
    const c = customer.page;
    await open(c, link);
    await expect(c.getByRole('heading', { name: 'Sign up for Nordic Showing Planner' })).toBeVisible();
    await expect(c.getByText('You submit this for Solheim Eiendom AS.')).toBeVisible();
    await expect(c.getByText('Read estate')).toBeVisible();
    await expect(c.getByLabel('Sales unit name')).toHaveValue(name);
    await c.getByLabel(/I agree that Nordic Showing Planner/).check();
    await c.getByRole('button', { name: 'Submit' }).click();
    await expect(c.getByText('This product order is submitted.')).toBeVisible();

    // The operator approves it into a new sales unit.
    const o = ops.page;
    await openInQueue(o, name);
    await o.getByRole('button', { name: 'Approve' }).click();
    await expect(o.getByText('Completed', { exact: true }).first()).toBeVisible();
    const installation = (await o.locator('dd code').first().textContent())!.trim();
    expect(installation).toMatch(/^\d{6}$/);

    // The partner sees it completed, and the new sales unit in its Sales units.
    const p = partner.page;
    await open(p, orderPage);
    await expect(p.getByText('Completed', { exact: true }).first()).toBeVisible();
    await nav(p, 'Sales units');
    await p.getByLabel('Search').fill(installation);
    await p.getByRole('button', { name: 'Filter' }).click();
    await expect(p.getByRole('table', { name: 'Sales units' }).getByRole('link', { name })).toBeVisible();
  } finally {
    await partner.close();
    await customer.close();
    await ops.close();
  }
});

test('a rejected order: the customer is told, the partner sees the status and not the reason', async ({ browser }) => {
  const js = test.info().project.use.javaScriptEnabled !== false;
  const name = `Bakgården ${js ? 'JS' : 'HTML'}`;
  const partner = await person(browser, 'anna@nordic-integrations.example');
  const ops = await operator(browser);
  const newcomer = await visitor(browser);
  try {
    const orderPage = await prefill(partner.page, js ? '910000039' : '910000047', name, false);
    const link = await partner.page.getByRole('textbox', { name: 'Link to send the customer' }).inputValue();
    // Someone from a company not yet on Portico submits, giving the company's name.
    const c = newcomer.page;
    await openAsNewcomer(c, link, uniqueEmail('newco'));
    await expect(c.getByText(/No company with this business identifier uses Portico yet/)).toBeVisible();
    await c.getByLabel("The company's name").fill(`Bakgården Eiendom AS ${js ? 'JS' : 'HTML'}`);
    await c.getByLabel(/I agree that/).check();
    await c.getByRole('button', { name: 'Submit' }).click();
    await expect(c.getByText('This product order is submitted.')).toBeVisible();

    const o = ops.page;
    await openInQueue(o, name);
    await o.getByLabel('Reason').fill('The business identifier belongs to another company.');
    await o.getByRole('button', { name: 'Reject' }).click();
    await expect(o.getByText('Rejected', { exact: true }).first()).toBeVisible();
    await expect(o.getByText('The business identifier belongs to another company.')).toBeVisible();

    const p = partner.page;
    await open(p, orderPage);
    await expect(p.getByText('Rejected', { exact: true }).first()).toBeVisible();
    await expect(p.getByText('belongs to another company')).toHaveCount(0);
    await open(c, link);
    await expect(c.getByText('This product order is rejected.')).toBeVisible();
  } finally {
    await partner.close();
    await ops.close();
    await newcomer.close();
  }
});

test('a new customer signs up through a template link and becomes its administrator', async ({ browser }) => {
  const js = test.info().project.use.javaScriptEnabled !== false;
  const company = `Kvartal ${js ? 'JS' : 'HTML'} Eiendom AS`;
  const partner = await person(browser, 'anna@nordic-integrations.example');
  const newcomer = await visitor(browser);
  const ops = await operator(browser);
  try {
    const p = partner.page;
    await nav(p, 'Product orders');
    await p.getByRole('link', { name: 'Templates' }).click();
    await hydrated(p);
    const template = p.getByRole('region', { name: 'Showings for brokerages' });
    const link = await template.getByRole('textbox', { name: 'Template link' }).inputValue();

    const c = newcomer.page;
    await openAsNewcomer(c, link, uniqueEmail('kvartal'));
    await c.getByLabel('A company not yet on Portico').check();
    await c.getByLabel('Number').fill(js ? '910000055' : '910000063');
    await c.getByLabel("The company's name").fill(company);
    await c.getByRole('button', { name: 'Next' }).click();
    await expect(c.getByRole('heading', { name: 'Sign up for Nordic Showing Planner' })).toBeVisible();
    await hydrated(c);
    await expect(c.getByText(/Standard \(2\.99%\)/)).toBeVisible();
    await c.getByLabel(/I agree that/).check();
    await c.getByRole('button', { name: 'Submit' }).click();
    await expect(c.getByText('This product order is submitted.')).toBeVisible();

    const o = ops.page;
    await openInQueue(o, company);
    await o.getByRole('button', { name: 'Approve' }).click();
    await expect(o.getByText('Completed', { exact: true }).first()).toBeVisible();

    // The newcomer administers the new customer now, and finds the sales unit there.
    await open(c, '/');
    await expect(c.getByTestId('acting-as')).toHaveText(company);
    await nav(c, 'Installations');
    await expect(c.getByRole('table', { name: 'Installations' })).toContainText(company.slice(0, 40));
    // The template counts the order.
    await open(p, new URL(p.url()).pathname);
    await expect(template).toContainText(/Completed \d/);
  } finally {
    await partner.close();
    await newcomer.close();
    await ops.close();
  }
});
