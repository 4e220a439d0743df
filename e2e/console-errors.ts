import { test, expect, type Page } from '@playwright/test';

/**
 * Fail every test in the calling scope (a spec file or a describe block) that logs an error to
 * the browser console or throws in the page: a broken island often shows nothing else.
 */
export function failOnConsoleErrors(): void {
  const errorsOf = new WeakMap<Page, string[]>();
  test.beforeEach(({ page }) => {
    const errors: string[] = [];
    errorsOf.set(page, errors);
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
  });
  test.afterEach(({ page }) => expect(errorsOf.get(page) ?? [], 'console errors and page errors').toEqual([]));
}
