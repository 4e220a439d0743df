// The one way a page shows sources: each a link where it has an address, else its title and
// repository path as text. Islands use it, and Astro pages render it at build time (no script).
import { Fragment } from 'react';
import { sourceHref, sourceText, type Source } from '../rules/sources.ts';

export function SourceList({ sources }: { sources: readonly Source[] }) {
  return (
    <>
      {sources.map((source, i) => {
        const href = sourceHref(source);
        return (
          <Fragment key={source.where}>
            {i > 0 && '; '}
            {href ? <a href={href}>{source.title}</a> : sourceText(source)}
          </Fragment>
        );
      })}
    </>
  );
}
