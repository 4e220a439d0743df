// The pattern walk on a real tree: what it finds means what fs.glob would find (same matcher), it
// stops when the caller stops, and it does not loop through links or wander into hidden folders.
import { globSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bracePatterns, globFiles } from './glob.ts';

const dir = mkdtempSync(join(tmpdir(), 'rancher-arch-walk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const f of ['a.yml', 'b.yaml', 'c.txt', 'prod/x.yml', 'prod/deep/y.yml', 'lab/z.yml', '.git/objects/o.yml', 'prod/.hidden/h.yml']) {
  mkdirSync(join(dir, f, '..'), { recursive: true });
  writeFileSync(join(dir, f), 'clusters: []\n');
}
// A link back to the top: followed under ** it would never end.
symlinkSync(dir, join(dir, 'prod', 'loop'));

const names = (pattern: string) => [...globFiles(pattern, dir)].map((m) => m.name).sort();

describe('the pattern walk', () => {
  it('finds what fs.glob finds, for the patterns a repository uses', () => {
    for (const pattern of ['*.yml', '*.{yml,yaml}', '**/*.yml', 'prod/**/*.yml', '*/x.yml', '{prod,lab}/*.yml', 'prod/deep/y.yml'])
      expect(names(pattern), pattern).toEqual(globSync(pattern, { cwd: dir }).sort());
  });

  it('an absolute pattern gives absolute names', () => {
    expect(names(`${dir}/*.yml`)).toEqual([`${dir}/a.yml`]);
  });

  it('stops when the caller stops: the rest of the tree is never read', () => {
    const walk = globFiles('**/*', dir);
    expect(walk.next().done).toBe(false);
    expect(walk.return(undefined).done).toBe(true);
  });

  it('stops a walk that looks at more names than its bound, matching or not, with the bound and why', () => {
    // The tree holds 13 names; a pattern that matches nothing still has to look at them.
    expect(() => [...globFiles('**/*.nomatch', dir, 5)]).toThrow(
      /^\*\*\/\*\.nomatch: the pattern's walk looked at more than 5 names; a repository of cluster files/,
    );
    expect([...globFiles('**/*.nomatch', dir, 100)]).toEqual([]);
  });

  it('passes over a link it cannot follow (a link to itself) instead of failing the run', () => {
    const odd = mkdtempSync(join(tmpdir(), 'rancher-arch-walk-link-'));
    try {
      symlinkSync('self', join(odd, 'self'));
      writeFileSync(join(odd, 'a.yml'), 'clusters: []\n');
      expect([...globFiles('**/*.yml', odd)].map((m) => m.name)).toEqual(['a.yml']);
    } finally {
      rmSync(odd, { recursive: true, force: true });
    }
  });

  it('counts brace names before any search, and refuses past the limit', () => {
    expect(bracePatterns('{a,b}/*.{yml,yaml}')).toEqual({ patterns: ['a/*.yml', 'a/*.yaml', 'b/*.yml', 'b/*.yaml'] });
    expect(bracePatterns('{0..100}.yml')).toEqual({ problem: expect.stringMatching(/^the pattern spells out more than 100 names/) });
    expect(bracePatterns('x'.repeat(5000))).toEqual({ problem: expect.stringMatching(/longer than any path/) });
  });

  it('refuses a pattern past the brace limit itself, rather than walking it as written', () => {
    expect(() => [...globFiles('{0..100}.yml', dir)]).toThrow(/the pattern spells out more than 100 names/);
  });
});
