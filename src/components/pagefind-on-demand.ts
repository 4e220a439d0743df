// Starlight's search component builds Pagefind's search UI as soon as the browser is idle, on every
// page: about 26 KB of compressed script that most readers never use. astro.config.mjs points its
// `@pagefind/default-ui` import here instead, so the real UI is fetched when the search dialog
// opens for the first time (or the pointer or focus reaches the search button, a moment earlier).
import type { PagefindUI as RealPagefindUI } from '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs';

type Options = ConstructorParameters<typeof RealPagefindUI>[0];

export class PagefindUI {
  constructor(options: Options) {
    const search = document.querySelector('site-search');
    const dialog = search?.querySelector('dialog');
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      void import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs').then(({ PagefindUI: Real }) => {
        new Real(options);
        // Starlight focuses the search field when the dialog opens; the field exists only now.
        if (dialog?.open) dialog.querySelector<HTMLInputElement>('input')?.focus();
      });
    };
    if (!dialog || dialog.open) {
      start();
      return;
    }
    new MutationObserver((_, observer) => {
      if (!dialog.open) return;
      observer.disconnect();
      start();
    }).observe(dialog, { attributes: true, attributeFilter: ['open'] });
    const button = search?.querySelector('button[data-open-modal]');
    for (const event of ['pointerenter', 'focus']) button?.addEventListener(event, start, { once: true });
  }
}
