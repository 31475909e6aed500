import { expect, test, type Page } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { hydrated, productTab, signIn } from './helpers';

/** A receiver on 127.0.0.1 (allowed by PORTICO_PUSH_ALLOW in scripts/e2e-server.sh). */
async function startReceiver() {
  const bodies: string[] = [];
  const answer = { status: 204 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(answer.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/portico`,
    bodies,
    /** From now on the receiver answers with `status`. */
    answerWith: (status: number) => (answer.status = status),
    close: () => server.close(),
  };
}

/** Reloads `url` until the delivery log contains `text` (the worker sends in the background). */
async function logShows(page: Page, url: string, text: string) {
  await expect
    .poll(async () => {
      await page.goto(url);
      await hydrated(page);
      return page.getByRole('table', { name: 'Deliveries' }).textContent();
    })
    .toContain(text);
}

test('a partner creates a verified push subscription, sends a test event and sees it in the log', async ({ page }) => {
  const receiver = await startReceiver();
  try {
    await signIn(page, 'nils@nordic-integrations.example');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Products' }).click();
    await page.getByRole('link', { name: 'Nordic Showing Planner' }).click();
    await hydrated(page);
    await productTab(page, 'Webhooks');
    await page.getByRole('link', { name: 'Create subscription' }).click();
    await hydrated(page);
    await expect(page.getByRole('heading', { name: 'Create subscription' })).toBeVisible();

    // A receiver that is not listening: nothing is saved and the form says why.
    await page.getByLabel('Receiver URL').fill('http://127.0.0.1:9/closed');
    await page.getByLabel('estate.changed').check();
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByRole('alert')).toContainText('Connection refused');

    // The real receiver confirms the signed verification event: saved, secret shown once.
    await page.getByLabel('Receiver URL').fill(receiver.url);
    await page.getByLabel('estate.changed').check();
    await page.getByLabel('Description').fill('E2E receiver');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByRole('heading', { name: 'Push subscription' })).toBeVisible();
    await hydrated(page);
    const subscriptionUrl = new URL(page.url()).pathname;
    const secret = await page.getByLabel('Signing secret', { exact: true }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    expect(receiver.bodies.some((b) => b.includes('portico.verification'))).toBeTruthy();
    await page.getByRole('button', { name: 'I have saved the secret' }).click();
    await expect(page.getByLabel('Signing secret', { exact: true })).toHaveCount(0);

    // "Send test event": the worker delivers it and the log shows the attempt.
    await page.getByRole('button', { name: 'Send test event' }).click();
    // Without JavaScript the click posts the form and reloads the page: let that finish first.
    await page.waitForLoadState();
    await expect(page.getByRole('heading', { name: 'Push subscription' })).toBeVisible();
    await hydrated(page);
    await expect.poll(() => receiver.bodies.filter((b) => b.includes('portico.test')).length).toBe(1);
    await logShows(page, subscriptionUrl, 'Succeeded');
    const log = page.getByRole('table', { name: 'Deliveries' });
    await expect(log).toContainText('portico.test');
    await expect(log).toContainText('204');
    // The secret is not shown again.
    await expect(page.getByLabel('Signing secret', { exact: true })).toHaveCount(0);

    // The log finds a delivery by its event ID, and says so when nothing matches.
    const eventId = (await log.getByText(/^evt_/).first().textContent())!.trim();
    await page.getByLabel('Find an event or delivery ID').fill('evt_nothing_here');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await expect(page.getByText('No delivery of this subscription has that event or delivery ID')).toBeVisible();
    await hydrated(page);
    await page.getByLabel('Find an event or delivery ID').fill(eventId);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Deliveries' })).toContainText(eventId);
    await expect(page.getByRole('table', { name: 'Deliveries' })).toContainText('Succeeded');

    // A failing receiver: the log shows its answer and when the next attempt is due.
    await hydrated(page);
    receiver.answerWith(500);
    await page.getByRole('button', { name: 'Send test event' }).click();
    await page.waitForLoadState();
    await logShows(page, subscriptionUrl, ' · 500 · ');
    await expect(page.getByRole('table', { name: 'Deliveries' })).toContainText('next: ');

    // The Webhooks page finds it by URL and says since when it fails.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    await hydrated(page);
    await page.getByLabel('Filter by URL or subscription ID').fill(receiver.url);
    await page.getByRole('button', { name: 'Filter' }).click();
    const list = page.getByRole('table', { name: 'Push subscriptions' });
    await expect(list.getByRole('link', { name: receiver.url })).toHaveCount(1);
    await expect(list).toContainText('Failing since');
  } finally {
    receiver.close();
  }
});
