import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The README's tour (screenshots, not tests): scripts/tour.sh runs it against a server of its
// own on a fresh demo database and writes docs/tour/*.png.
const port = Number(process.env.PORTICO_TOUR_PORT ?? 3400);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  ...base,
  testDir: './tour',
  reporter: [['list']],
  use: { ...base.use, baseURL },
  projects: [{ name: 'with-js', use: { javaScriptEnabled: true } }],
  webServer: { ...base.webServer, command: `bash ../scripts/e2e-server.sh ${port}`, url: `${baseURL}/healthz` },
});
