import { expect, test } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { hydrated, signIn } from './helpers';

/** A receiver on 127.0.0.1 (allowed by PORTICO_PUSH_ALLOW in scripts/e2e-server.sh). */
async function startReceiver() {
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/portico`, bodies, close: () => server.close() };
}

test('a partner creates a verified push subscription, sends a test event and sees it in the log', async ({ page }) => {
  const receiver = await startReceiver();
  try {
    await signIn(page, 'nils@nordic-integrations.example');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Products' }).click();
    await page.getByRole('link', { name: 'Nordic Showing Planner' }).click();
    await hydrated(page);
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
    await expect
      .poll(async () => {
        await page.goto(page.url());
        await hydrated(page);
        return page.getByRole('table', { name: 'Deliveries' }).textContent();
      })
      .toContain('succeeded');
    const log = page.getByRole('table', { name: 'Deliveries' });
    await expect(log).toContainText('portico.test');
    await expect(log).toContainText('204');
    // The secret is not shown again.
    await expect(page.getByLabel('Signing secret', { exact: true })).toHaveCount(0);

    // The Webhooks page finds it by URL.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    await hydrated(page);
    await page.getByLabel('Filter by URL or subscription ID').fill(receiver.url);
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page.getByRole('table', { name: 'Push subscriptions' }).getByRole('link', { name: receiver.url })).toHaveCount(1);
  } finally {
    receiver.close();
  }
});
