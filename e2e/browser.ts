import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

// Flags that let a headless Chromium run as root on a machine with no outside network.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The browser the tests drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the one
 * `npx playwright install chromium` put in Playwright's cache. With none of them the run stops
 * here with instructions — the tests never skip quietly.
 */
export function chromiumExecutable(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) if (path && existsSync(path)) return path;
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one of: Debian/Ubuntu `apt-get install chromium`; ' +
      "Playwright's own `npx playwright install chromium`; or point CHROMIUM_PATH at a Chromium/Chrome binary.",
  );
}
