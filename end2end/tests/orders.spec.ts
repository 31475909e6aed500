import { expect, test, type Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { hydrated, open, productTab, signIn } from './helpers';

/** The platform's service token, issued by scripts/e2e-server.sh when it started the server. */
const serviceToken = () => readFileSync('.auth/service-token', 'utf8').trim();

/** A receiver that keeps each delivery's headers and body. */
async function startReceiver() {
  const received: { headers: Record<string, string>; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers as Record<string, string>, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/orders`, received, close: () => server.close() };
}

/** A page of its own (a browser context: its own cookies) signed in as `email`. */
async function person(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

test('the platform posts an order, the partner receives order.created, accepts it, and the customer sees it accepted', async ({ browser, request }) => {
  const js = test.info().project.use.javaScriptEnabled !== false;
  const estate = `E2E-${js ? 'js' : 'nojs'}-${Date.now()}`;
  const receiver = await startReceiver();
  const partner = await person(browser, 'nils@nordic-integrations.example');
  try {
    // The partner subscribes to the product's built-in order events.
    const p = partner.page;
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Products' }).click();
    await p.getByRole('link', { name: 'Nordic Showing Planner' }).click();
    await hydrated(p);
    const productId = Number(new URL(p.url()).pathname.split('/').pop());
    await productTab(p, 'Webhooks');
    await p.getByRole('link', { name: 'Create subscription' }).click();
    await hydrated(p);
    await p.getByLabel('Receiver URL').fill(receiver.url);
    await p.getByLabel('order.created').check();
    await p.getByRole('button', { name: 'Add' }).click();
    await expect(p.getByRole('heading', { name: 'Push subscription' })).toBeVisible();
    const secret = await p.getByLabel('Signing secret', { exact: true }).inputValue();

    // The platform posts an order for an estate of SOLOSL.
    const posted = await request.post('/api/v1/orders', {
      headers: { Authorization: `Bearer ${serviceToken()}` },
      data: {
        installation_id: 'SOLOSL',
        product_id: productId,
        object: { type: 'estate', id: estate },
        ordered_by: { name: 'Eva Megler', email: 'eva@solheim.example' },
        data: { viewings: 2 },
      },
    });
    expect(posted.status()).toBe(201);
    const order = await posted.json();
    expect(order.status).toBe('open');

    // The receiver gets order.created, signed as the Standard Webhooks library checks it.
    await expect.poll(() => receiver.received.filter((r) => r.body.includes('order.created')).length).toBe(1);
    const delivery = receiver.received.find((r) => r.body.includes('order.created'))!;
    const event = new Webhook(secret).verify(delivery.body, delivery.headers) as { type: string; data: { order_id: string; object: { id: string } } };
    expect(event.type).toBe('order.created');
    expect(event.data.order_id).toBe(order.order_id);
    expect(event.data.object.id).toBe(estate);
    expect(() => new Webhook(secret).verify(delivery.body.replace(estate, 'tampered'), delivery.headers)).toThrow();

    // The partner finds it under Orders by its object ID, and accepts it with a message.
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders', exact: true }).click();
    await hydrated(p);
    await p.getByLabel('Object ID').fill(estate);
    await p.getByRole('button', { name: 'Filter' }).click();
    const table = p.getByRole('table', { name: 'Orders' });
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText('Open');
    await table.getByRole('link', { name: order.order_id }).click();
    await hydrated(p);
    await expect(p.getByRole('heading', { name: `Order for estate ${estate}` })).toBeVisible();
    await p.getByLabel('Accept').check();
    await p.getByLabel('Message to the customer').fill('Viewings on Saturday at 12.');
    await p.getByRole('button', { name: 'Update order' }).click();
    await expect(p.getByRole('list').filter({ hasText: 'Viewings on Saturday at 12.' })).toBeVisible();
    await expect(p.getByText('Accepted', { exact: true }).first()).toBeVisible();

    // The platform reads the new status.
    const read = await request.get(`/api/v1/orders/${order.order_id}`, { headers: { Authorization: `Bearer ${serviceToken()}` } });
    expect((await read.json()).status).toBe('accepted');

    // The customer's administrator sees it accepted, with the partner's message.
    const customer = await person(browser, 'kari@solheim.example');
    try {
      const c = customer.page;
      await c.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders', exact: true }).click();
      await hydrated(c);
      await c.getByRole('link', { name: order.order_id }).click();
      await hydrated(c);
      await expect(c.getByText('Accepted', { exact: true }).first()).toBeVisible();
      await expect(c.getByText('Viewings on Saturday at 12.')).toBeVisible();
      // It shows on the product's panel of the suppliers page too.
      await open(c, `${new URL(c.url()).pathname.split('/orders')[0]}/suppliers?installation=SOLOSL&product=${productId}`);
      await expect(c.getByRole('link', { name: `estate ${estate}` })).toBeVisible();
    } finally {
      await customer.close();
    }
  } finally {
    await partner.close();
    receiver.close();
  }
});

test('a customer administrator cancels an open order after confirming', async ({ browser, request }) => {
  const estate = `CANCEL-${Date.now()}`;
  const customer = await person(browser, 'kari@solheim.example');
  try {
    const c = customer.page;
    // The demo product is the first product (README: Nordic Showing Planner).
    const posted = await request.post('/api/v1/orders', {
      headers: { Authorization: `Bearer ${serviceToken()}` },
      data: { installation_id: 'SOLOSL', product_id: 1, object: { type: 'estate', id: estate }, ordered_by: { name: 'Per Hansen', email: 'per@solheim.example' } },
    });
    expect(posted.status()).toBe(201);
    const order = await posted.json();
    await c.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders', exact: true }).click();
    await hydrated(c);
    await c.getByRole('link', { name: order.order_id }).click();
    await hydrated(c);
    await c.getByRole('link', { name: 'Cancel order' }).click();
    await expect(c.getByText('Cancelling ends the order')).toBeVisible();
    await hydrated(c);
    await c.getByLabel('Reason (optional)').fill('The estate was withdrawn.');
    await c.getByRole('button', { name: 'Cancel order' }).click();
    await expect(c.getByText('The estate was withdrawn.')).toBeVisible();
    const read = await request.get(`/api/v1/orders/${order.order_id}`, { headers: { Authorization: `Bearer ${serviceToken()}` } });
    expect((await read.json()).status).toBe('cancelled');
  } finally {
    await customer.close();
  }
});
