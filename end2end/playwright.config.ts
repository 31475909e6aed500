import { defineConfig } from '@playwright/test';

// The tests drive Debian's Chromium (browsers cannot be downloaded here) against a server that
// scripts/e2e-server.sh starts on a fresh SQLite database with the demo data.
const port = Number(process.env.PORTICO_E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: './tests',
  // One server, one database, two cores: run the files one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // The JSON report lets scripts/test.sh print a one-line summary.
  reporter: [
    ['list'],
    ['json', { outputFile: 'playwright-report/results.json' }],
    ...(process.env.CI ? [] : [['html', { open: 'never', outputFolder: 'playwright-report/html' }] as const]),
  ],
  use: {
    baseURL,
    launchOptions,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'with-js', use: { javaScriptEnabled: true } },
    { name: 'no-js', use: { javaScriptEnabled: false } },
  ],
  webServer: {
    command: `bash ../scripts/e2e-server.sh ${port}`,
    url: `${baseURL}/healthz`,
    // Always a fresh server on a fresh database, never one left running by someone else.
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
