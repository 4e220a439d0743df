import { defineConfig } from '@playwright/test';
import { E2E_BASE, E2E_OUT_DIR, E2E_PORT } from './e2e/site.ts';
import { chromiumExecutable, CHROMIUM_ARGS } from './e2e/browser.ts';

// End-to-end tests run against the built site served under a sub-path, so every page, asset,
// link and search request is checked the way an intranet mirror serves it.
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npx astro preview --port ${E2E_PORT} --host 127.0.0.1`,
    url: `http://127.0.0.1:${E2E_PORT}${E2E_BASE}`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      BASE_PATH: E2E_BASE,
      OUT_DIR: E2E_OUT_DIR,
      ASTRO_PREVIEW_BACKGROUND: '0',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  },
});
