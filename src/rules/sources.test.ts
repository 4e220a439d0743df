// Every citation in the project has the one shape, and every document has one home: a source cited
// by two tables is the same object, imported from ../sources.ts, never written out twice.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SourceList } from '../islands/SourceList.tsx';
import { aboutRule } from './catalogue/about.ts';
import { RULES } from './catalogue/index.ts';
import { MIGRATION_SOURCES } from './migrate/sources.ts';
import { PORT_SOURCES, portSourceText, portSources } from './ports/tables.ts';
import * as sizing from './sizing/sources.ts';
import { SERVER_TABLE_LIST } from './sizing/tables.ts';
import * as shared from './sources.ts';
import { SOURCES } from './rule-sources.ts';
import { isSourceWhere, sourceHref, sourceText, type Source } from './sources.ts';

const isSource = (x: unknown): x is Source => typeof x === 'object' && x !== null && 'title' in x && 'where' in x;

/** Every table of sources, by name, with what it holds. */
const TABLES: Record<string, readonly Source[]> = {
  shared: Object.values(shared).filter(isSource),
  rules: Object.values(SOURCES),
  'rule about': RULES.flatMap((r) => aboutRule(r.id).sources ?? []),
  ports: Object.values(PORT_SOURCES),
  sizing: [
    ...Object.values(sizing.RANCHER_TABLE_SOURCES),
    ...Object.values(sizing.SERVER_SIZE_SOURCES),
    sizing.K3S_DATABASE_SOURCES,
    sizing.ETCD_DISK_SOURCES,
  ].flat(),
  migrate: Object.values(MIGRATION_SOURCES),
};

describe('one Source shape', () => {
  it('every source of every table has a title and a where that is an https address or a repository reference', () => {
    for (const [table, sources] of Object.entries(TABLES)) {
      expect(sources.length, table).toBeGreaterThan(0);
      for (const s of sources) {
        expect(s.title.trim(), `${table}: ${s.where}`).not.toBe('');
        expect(isSourceWhere(s.where), `${table}: ${s.title}: ${s.where}`).toBe(true);
      }
    }
  });

  it('every sizing table names its sources; an unknown table has none', () => {
    expect(Object.keys(sizing.RANCHER_TABLE_SOURCES).sort()).toEqual(SERVER_TABLE_LIST.map((t) => t.id).sort());
    expect(sizing.rancherTableSources('no-such-table')).toEqual([]);
  });

  it('a document has one home: the same where in two tables is the same object', () => {
    // An object's home is the first table that holds it (shared first); others import it.
    const home = new Map<Source, string>();
    const byWhere = new Map<string, Set<Source>>();
    for (const [table, sources] of Object.entries(TABLES))
      for (const source of sources) {
        if (!home.has(source)) home.set(source, table);
        byWhere.set(source.where, (byWhere.get(source.where) ?? new Set()).add(source));
      }
    const twice: string[] = [];
    for (const [where, objects] of byWhere) {
      if (objects.size < 2) continue;
      // Tabs of one page may be separate entries of one table, each titled for its tab.
      const homes = new Set([...objects].map((o) => home.get(o)));
      const titles = new Set([...objects].map((o) => o.title));
      if (homes.size > 1 || titles.size < objects.size) twice.push(`${where}: ${[...homes].join(', ')}`);
    }
    expect(twice).toEqual([]);
  });

  it('the forms of where: https addresses link, repository references are text, anything else is refused', () => {
    expect(isSourceWhere('https://docs.k3s.io/installation/requirements')).toBe(true);
    expect(isSourceWhere('rancher/rancher-docs src/components/PortsCustomNodes.js')).toBe(true);
    expect(isSourceWhere('rancher/rke@40c5dd4 cluster/validation.go')).toBe(true);
    for (const bad of ['', 'FACTS.md', 'rke cluster validation', 'http://example.com/page', 'https://', 'rancher/rke@main cluster/validation.go', 'this guide'])
      expect(isSourceWhere(bad), bad).toBe(false);
    const web: Source = { title: 'A page', where: 'https://example.com/a' };
    const repo: Source = { title: 'A file', where: 'owner/repo@abcdef1 docs/a.md' };
    expect(sourceHref(web)).toBe('https://example.com/a');
    expect(sourceHref(repo)).toBeUndefined();
    expect(sourceText(web)).toBe('A page (https://example.com/a)');
    expect(sourceText(repo)).toBe('A file (owner/repo@abcdef1 docs/a.md)');
  });

  it('pages show a list of sources as links where there is an address, text where there is none, escaped', () => {
    const html = renderToStaticMarkup(
      createElement(SourceList, {
        sources: [
          { title: 'A <page>', where: 'https://example.com/a?b=1&c=2' },
          { title: 'A file', where: 'owner/repo docs/a.md' },
        ],
      }),
    );
    expect(html).toBe('<a href="https://example.com/a?b=1&amp;c=2">A &lt;page&gt;</a>; A file (owner/repo docs/a.md)');
  });

  it('a port rule the guide adds itself has no source; the others have theirs', () => {
    expect(portSources('ours')).toEqual([]);
    expect(portSourceText('ours')).toBe('');
    expect(portSources('k3s-requirements')).toEqual([shared.K3S_REQUIREMENTS]);
    expect(portSourceText('ace')).toBe(sourceText(PORT_SOURCES.ace));
  });
});
