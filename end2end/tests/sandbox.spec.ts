import { expect, test } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { hydrated, open, signIn } from './helpers';

test('a partner requests activation in the partner sandbox and the operator grants it', async ({ page, browser, javaScriptEnabled }) => {
  test.skip(javaScriptEnabled === false, 'the no-JavaScript form is the next test');
  await signIn(page, 'olav@brokerbase.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Brokerbase Software AS');
  const org = new URL(page.url()).pathname;
  await open(page, `${org}/products`);
  await page.getByRole('link', { name: 'Brokerbase Listing Sync' }).click();
  await hydrated(page);
  const request = page.getByRole('region', { name: 'Request activation in the partner sandbox' });
  await request.getByRole('button', { name: 'Request activation in the partner sandbox' }).click();
  await expect(request.getByRole('status')).toHaveText(/^Requested: the partner sandbox's administrators will review version \d+ and activate it\.$/);
  // Asking again for the same version is refused, with the reason.
  await request.getByRole('button', { name: 'Request activation in the partner sandbox' }).click();
  await expect(request.getByRole('alert')).toHaveText(/^Activation of version \d+ in the partner sandbox is already requested\.$/);

  // The sandbox's administrators (the operator's staff) get it, review it as a customer would,
  // and activate it in one click.
  const ops = await browser.newContext({ baseURL });
  const op = await ops.newPage();
  await signIn(op, 'ops@portico.example');
  await op.getByRole('list', { name: 'Organizations' }).getByRole('link', { name: /Partner Sandbox/ }).click();
  await expect(op.getByTestId('acting-as')).toHaveText('Partner Sandbox');
  const sandboxOrg = new URL(op.url()).pathname;
  await open(op, `${sandboxOrg}/notifications`);
  await op.getByRole('link', { name: 'Brokerbase Software AS asks you to activate Brokerbase Listing Sync in the partner sandbox' }).click();
  await hydrated(op);
  const panel = op.getByRole('complementary', { name: 'Brokerbase Listing Sync details' });
  await expect(panel.getByRole('heading', { name: /What version \d+ may access/ })).toBeVisible();
  await panel.getByRole('link', { name: 'Next' }).click();
  await hydrated(op);
  await panel.getByRole('button', { name: 'Activate product' }).click();
  await expect(op.getByText('The product is active on this installation.')).toBeVisible();

  // Running there now, it cannot be asked for again.
  await page.reload();
  await hydrated(page);
  await request.getByRole('button', { name: 'Request activation in the partner sandbox' }).click();
  await expect(request.getByRole('alert')).toHaveText('The product already runs in the partner sandbox (MSVPAR).');

  // The trial over, the sandbox's administrators deactivate it: the sandbox is as it was (the
  // sales units tests count Brokerbase's sales units).
  await hydrated(op);
  await panel.getByRole('link', { name: 'Deactivate', exact: true }).click();
  await hydrated(op);
  await panel.getByRole('button', { name: 'Deactivate product' }).click();
  await expect(op.getByText("Deactivated. The product's access has ended for this installation.")).toBeVisible();
  await ops.close();
});

test('the request works without JavaScript and says why it is refused', async ({ page, javaScriptEnabled }) => {
  test.skip(javaScriptEnabled !== false, 'the JavaScript flow is the test before');
  // Nordic Showing Planner runs in the sandbox already (the demo data).
  await signIn(page, 'anna@nordic-integrations.example');
  await expect(page.getByTestId('acting-as')).toHaveText('Nordic Integrations AS');
  const org = new URL(page.url()).pathname;
  await open(page, `${org}/products`);
  await page.getByRole('link', { name: 'Nordic Showing Planner' }).click();
  const request = page.getByRole('region', { name: 'Request activation in the partner sandbox' });
  await request.getByRole('button', { name: 'Request activation in the partner sandbox' }).click();
  await expect(page.getByRole('alert')).toHaveText('The product already runs in the partner sandbox (MSVPAR).');
});
