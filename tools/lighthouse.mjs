// Runs Lighthouse (mobile profile, the machine's Chromium) on the sign-in page and on a
// signed-in product page of a running Portico, and prints each page's scores and LCP, TBT and
// CLS. Usage: node tools/lighthouse.mjs BASE_URL (scripts/lighthouse.sh starts the server).
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const base = process.argv[2] ?? 'http://127.0.0.1:3200';
const email = 'anna@nordic-integrations.example';

/** The action of the page's first form other than the language switch, and the page's hidden
 * inputs. */
function form(html) {
  const action = [...html.matchAll(/<form[^>]*action="([^"]+)"/g)].map((m) => m[1]).find((a) => a !== '/language');
  const hidden = Object.fromEntries(
    [...html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
  );
  if (!action) throw new Error('no form on the page');
  return { action: action.replaceAll('&amp;', '&'), hidden };
}

/** A form POST as a browser without JavaScript makes it; returns the response. */
async function submit(action, fields, cookie) {
  return fetch(new URL(action, base), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: base,
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields),
  });
}

/** Signs in through the real flow (the form, the dev mailbox, the confirmation) and returns
 * the session cookie. */
async function signIn() {
  const page = await (await fetch(`${base}/sign-in`)).text();
  const res = await submit(form(page).action, { email });
  if (res.status >= 400) throw new Error(`sign-in request: ${res.status}`);
  const mails = await (await fetch(`${base}/dev/mailbox.json`)).json();
  const link = mails.filter((m) => m.to === email).flatMap((m) => m.links).find((l) => l.includes('/sign-in/confirm'));
  if (!link) throw new Error('no sign-in mail');
  const confirm = form(await (await fetch(link)).text());
  const done = await submit(confirm.action, confirm.hidden);
  const cookie = done.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.includes('portico_session='));
  if (!cookie) throw new Error(`no session cookie (${done.status})`);
  return cookie;
}

/** The signed-in user's product page: the first product link on the products page. */
async function productPage(cookie) {
  // The start page sends a user with one organization there (its Location header).
  const home = await fetch(`${base}/`, { headers: { cookie }, redirect: 'manual' });
  const org = (home.headers.get('location') ?? '').match(/^\/o\/\d+/)?.[0];
  if (!org) throw new Error(`signed in, but / (${home.status}) sends nowhere: ${home.headers.get('location')}`);
  const list = await (await fetch(`${base}${org}/products`, { headers: { cookie } })).text();
  const path = list.match(/href="(\/o\/\d+\/products\/\d+)"/)?.[1];
  if (!path) throw new Error('no product on the products page');
  return `${base}${path}`;
}

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let failed = false;
try {
  const cookie = await signIn();
  const pages = [
    ['sign-in', `${base}/sign-in`, {}],
    ['product page', await productPage(cookie), { Cookie: cookie }],
  ];
  for (const [label, url, headers] of pages) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      extraHeaders: headers,
    });
    const { categories, audits } = result.lhr;
    const score = (c) => Math.round(categories[c].score * 100);
    const ms = (a) => `${Math.round(audits[a].numericValue)} ms`;
    console.log(
      `${label.padStart(13)}: performance ${score('performance')}, accessibility ${score('accessibility')}, ` +
        `best practices ${score('best-practices')}; LCP ${ms('largest-contentful-paint')}, ` +
        `TBT ${ms('total-blocking-time')}, CLS ${audits['cumulative-layout-shift'].numericValue.toFixed(3)}`,
    );
    for (const a of Object.values(audits)) {
      if (a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary' && categories.accessibility.auditRefs.some((r) => r.id === a.id)) {
        console.log(`               accessibility: ${a.title}`);
      }
    }
  }
} catch (e) {
  console.error(`lighthouse: ${e.message}`);
  failed = true;
} finally {
  await chrome.kill();
}
process.exit(failed ? 1 : 0);
