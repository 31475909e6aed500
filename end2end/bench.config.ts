import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Browser benchmarks (figures, not tests): scripts/bench-picker-browser.sh runs them against a
// server of their own, whose catalog it grows first (PORTICO_E2E_CATALOG).
const port = Number(process.env.PORTICO_BENCH_PORT ?? 3300);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  ...base,
  testDir: './bench',
  reporter: [['list']],
  timeout: 300_000,
  use: { ...base.use, baseURL },
  projects: [{ name: 'with-js', use: { javaScriptEnabled: true } }],
  webServer: { ...base.webServer, command: `bash ../scripts/e2e-server.sh ${port}`, url: `${baseURL}/healthz`, timeout: 300_000 },
});
