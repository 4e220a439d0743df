// Starlight route middleware: the guidance pages end with "Advice by Rancher version", a heading
// the MarkdownContent override adds after the page's own Markdown, so Starlight's table of
// contents does not know it. Listing it there keeps it one click away.
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { VERSION_NOTES } from './components/version-notes.ts';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  if (!(route.id in VERSION_NOTES) || !route.toc) return;
  route.toc.items.push({ depth: 2, slug: 'advice-by-rancher-version', text: 'Advice by Rancher version', children: [] });
});
