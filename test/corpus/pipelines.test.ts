// The pipeline formats on the real-world corpus (`npm run test:corpus`): every sample checked in one
// run of the CLI gives SARIF that the SARIF 2.1.0 schema and Microsoft's validator accept, and
// JUnit XML that parses. The samples are read where they lie, never copied into the repository.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/fake-io.ts';
import { corpusDir, corpusFiles, corpusFound, ENV_VAR } from './location.ts';

const require = createRequire(import.meta.url);
const multitool = dirname(require.resolve(`@microsoft/sarif-multitool-${process.platform}/package.json`));

describe('pipeline formats on the corpus', () => {
  it('the corpus folder is there', () => {
    expect(corpusFound, `${corpusDir}: set ${ENV_VAR} to the corpus folder`).toBe(true);
  });

  const files = corpusFiles();
  const world = { realFiles: true, cwd: corpusDir };
  const paths = files.map((f) => join(corpusDir, f));

  it('SARIF for every sample validates against the schema and with sarif-multitool', { timeout: 120_000 }, async () => {
    expect(files.length).toBeGreaterThan(20);
    const r = await runCli(['check', ...paths, '--as', 'rancher', '--rancher-version', '2.4.8', '--format', 'sarif', '--no-config'], world);
    const log = JSON.parse(r.stdout) as Log;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(multitool, 'sarif-2.1.0.json'), 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0]!;
    const refused = run.invocations?.[0]?.toolExecutionNotifications?.filter((n) => n.level === 'error') ?? [];
    expect((run.artifacts?.length ?? 0) + refused.length).toBe(files.length);
    expect(run.results?.length).toBeGreaterThan(files.length);

    const dir = mkdtempSync(join(tmpdir(), 'rancher-arch-corpus-'));
    try {
      writeFileSync(join(dir, 'corpus.sarif'), r.stdout);
      const out = join(dir, 'validation.json');
      const binary = join(multitool, process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');
      const validator = spawnSync(
        binary,
        ['validate', 'corpus.sarif', '--output', out, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh', '--threads', '1'],
        {
          cwd: dir,
          encoding: 'utf8',
        },
      );
      expect(validator.error).toBeUndefined();
      const problems = (JSON.parse(readFileSync(out, 'utf8')) as Log).runs[0]?.results?.filter((x) => (x.level ?? 'warning') !== 'note') ?? [];
      // Without a docs base the tool has no home page to name; nothing else may be reported.
      expect(problems.map((p) => p.ruleId)).toEqual(['SARIF2005']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('JUnit XML for every sample parses', async () => {
    expect(files.length).toBeGreaterThan(20);
    const r = await runCli(['check', ...paths, '--format', 'junit', '--no-config'], world);
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, message) => void errors.push(`${level}: ${message}`) }).parseFromString(r.stdout, 'text/xml');
    expect(errors).toEqual([]);
    const suites = Array.from(doc.getElementsByTagName('testsuite'));
    expect(suites.length).toBeGreaterThanOrEqual(files.length);
  });
});
