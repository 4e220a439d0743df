// The real-world corpus suite (`npm run test:corpus`): every public sample in the corpus folder is
// read through the public API and compared with its entry in expectations.ts. The folder lives
// outside the repository (its files are never copied in), so a missing folder fails the run loudly
// instead of passing with nothing checked.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHclAssets } from '../../src/cli/hcl-assets.ts';
import {
  checkPlan,
  ExportError,
  InputError,
  readInputAsync,
  readInputDetailed,
  RKE_REFUSALS,
  toClusterYml,
  type Finding,
  type ReadResult,
} from '../../src/rules/index.ts';
import { GROUPS, type FileExpectation, type FindingExpectation, type ReadExpectation } from './expectations.ts';
import { corpusDir, corpusFiles, corpusFound, DEFAULT_CORPUS, ENV_VAR, REPO_ROOT } from './location.ts';

const RANCHER_READING = { as: 'rancher', rancherVersion: '2.4.8' } as const;

/** Every file the table describes, whatever its group (an entry for a file set names its files in `set`). */
const expectedFiles = new Set(GROUPS.flatMap(([, table]) => Object.entries(table).flatMap(([key, e]) => ('set' in e && e.set ? Object.values(e.set) : [key]))));
type Reading = { as?: 'rancher' | 'downstream'; rancherVersion?: string };

const show = (v: unknown) => (v === undefined ? 'unset' : JSON.stringify(v));
const sameSet = (a: readonly string[], b: readonly string[]) => {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
};
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

function corpusText(file: string): string {
  const path = join(corpusDir, file);
  if (!existsSync(path)) throw new Error(`expectation for ${file}, but ${path} does not exist: remove the entry or restore the file`);
  return readFileSync(path, 'utf8');
}

/**
 * Read one corpus file, or a set of them read together as one input (`set`: the name each file takes
 * in the set, e.g. a Terraform module under modules/downstream/ beside its caller's main.tf).
 */
async function readCorpusFile(file: string, options: Reading = {}, set?: Record<string, string>): Promise<ReadResult> {
  const hcl = { hclAssets: nodeHclAssets };
  if (set)
    return readInputAsync(
      Object.entries(set).map(([name, f]) => ({ name, text: corpusText(f) })),
      { ...options, ...hcl, setName: file },
    );
  return readInputAsync(corpusText(file), { filename: file, ...options, ...hcl });
}

/** Read, turning a refusal into a mismatch line so the report says what went wrong. */
async function tryRead(file: string, options: Reading = {}, set?: Record<string, string>): Promise<ReadResult | string> {
  try {
    return await readCorpusFile(file, options, set);
  } catch (error) {
    if (error instanceof InputError) return `refused: ${error.message}`;
    throw error;
  }
}

/** What differs between the expected cluster and the one read, one line per difference. */
function clusterMismatches(expected: ReadExpectation, result: ReadResult): string[] {
  const out: string[] = [];
  if (result.format !== expected.format) out.push(`format: expected ${expected.format}, got ${result.format}`);
  const clusters = result.plan.clusters;
  if (clusters.length !== 1) return [...out, `expected one cluster, got ${clusters.length}`];
  const cluster = clusters[0]!;
  // The plan model is gaining fields (datastore: sqlite, …): read them without tying the suite to today's types.
  const actual = cluster as unknown as Record<string, unknown>;
  if (cluster.name !== expected.cluster) out.push(`cluster name: expected ${show(expected.cluster)}, got ${show(cluster.name)}`);
  if (cluster.distribution !== expected.distribution) out.push(`distribution: expected ${expected.distribution}, got ${cluster.distribution}`);
  if (actual.hosting !== expected.hosting) out.push(`hosting: expected ${show(expected.hosting)}, got ${show(actual.hosting)}`);
  if (actual.datastore !== expected.datastore) out.push(`datastore: expected ${show(expected.datastore)}, got ${show(actual.datastore)}`);

  const byName = new Map(cluster.nodes.map((n) => [n.name, n]));
  for (const node of expected.nodes) {
    const got = byName.get(node.name);
    if (!got) {
      out.push(`node ${node.name}: missing`);
      continue;
    }
    if (got.address !== node.address) out.push(`node ${node.name}: address expected ${show(node.address)}, got ${show(got.address)}`);
    if (!sameSet(got.roles, node.roles)) out.push(`node ${node.name}: roles expected [${sorted(node.roles).join(',')}], got [${sorted(got.roles).join(',')}]`);
  }
  const expectedNames = new Set(expected.nodes.map((n) => n.name));
  for (const node of cluster.nodes) if (!expectedNames.has(node.name)) out.push(`node ${node.name}: not expected`);
  if (cluster.nodes.length !== byName.size) out.push(`node names repeat: ${cluster.nodes.map((n) => n.name).join(', ')}`);
  // Facts only some formats hold; compared when the entry states them.
  if (expected.kubernetesVersion !== undefined && (actual.kubernetesVersion ?? null) !== expected.kubernetesVersion)
    out.push(`kubernetesVersion: expected ${show(expected.kubernetesVersion)}, got ${show(actual.kubernetesVersion)}`);
  if (expected.countsUnknown !== undefined && Boolean(cluster.nodesUnknown?.length) !== expected.countsUnknown)
    out.push(`node counts unknown: expected ${expected.countsUnknown ? 'some' : 'none'}, got ${show(cluster.nodesUnknown)}`);
  if (expected.pools !== undefined)
    for (const [pool, count] of Object.entries(expected.pools)) {
      const got = cluster.nodes.filter((n) => n.pool === pool).length;
      if (count === null ? got !== 0 || !cluster.nodesUnknown?.length : got !== count)
        out.push(
          `pool ${pool}: expected ${count === null ? 'an unknown count' : `${count} nodes`}, got ${got}${cluster.nodesUnknown?.length ? ` (open: ${cluster.nodesUnknown.join('; ')})` : ''}`,
        );
    }
  if (expected.ace !== undefined) {
    const ace = cluster.authorizedEndpoint;
    if (expected.ace === null ? ace !== undefined : ace?.fqdn !== expected.ace.fqdn)
      out.push(`authorizedEndpoint: expected ${show(expected.ace)}, got ${show(ace)}`);
  }
  return out;
}

/** Which required findings are missing (or name other nodes) and which forbidden ones fired. */
function findingMismatches(expected: FindingExpectation, findings: readonly Finding[]): string[] {
  const out: string[] = [];
  for (const fire of expected.fires) {
    const rule = typeof fire === 'string' ? fire : fire.rule;
    const matching = findings.filter((f) => f.rule === rule);
    if (matching.length === 0) {
      out.push(`${rule}: expected to fire, did not`);
      continue;
    }
    if (typeof fire === 'string') continue;
    // Rules may report one finding per node or one for several; compare the nodes named overall.
    const named = matching.flatMap((f) => f.nodes);
    if (!sameSet(named, fire.nodes)) out.push(`${rule}: expected to name [${sorted(fire.nodes).join(',')}], named [${sorted(named).join(',')}]`);
  }
  for (const rule of expected.quiet) {
    const hit = findings.find((f) => f.rule === rule);
    if (hit) out.push(`${rule}: expected quiet, fired: ${hit.message}`);
  }
  return out;
}

const check = (result: ReadResult) => checkPlan(result.plan, { extraFindings: result.findings }).findings;

/** Assert no mismatch, with every mismatch spelled out in the failure message (one per line). */
function expectNone(mismatches: readonly string[], what: string): void {
  expect(mismatches, `${what}:\n  ${mismatches.join('\n  ')}\n`).toEqual([]);
}

function registerFile(file: string, expectation: FileExpectation): void {
  if ('refused' in expectation) {
    it('is refused with a clear message', async () => {
      let error: unknown;
      let readAs: string | undefined;
      try {
        readAs = (await readCorpusFile(file, {}, expectation.set)).format;
      } catch (e) {
        error = e;
      }
      expect(readAs, `${file}: expected a refusal, but it was read`).toBeUndefined();
      expect(error, String(error)).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(expectation.refused);
    });
    return;
  }

  const { read, asRancher, set } = expectation;
  it(`reads as ${read.format}: cluster ${read.cluster} (${read.distribution}), ${read.nodes.length} node(s)`, async () => {
    const result = await tryRead(file, {}, set);
    const mismatches = typeof result === 'string' ? [result] : clusterMismatches(read, result);
    expectNone(mismatches, `${file} (reading)`);
  });

  it('findings as a downstream cluster', async () => {
    const result = await tryRead(file, {}, set);
    const mismatches = typeof result === 'string' ? [result] : findingMismatches(read, check(result));
    expectNone(mismatches, `${file} (findings)`);
  });

  // A file the tools accept must survive our own export: cluster.yml written back from the plan reads
  // again with the same nodes and without a single refusal (and an unclean file is never written silently).
  if (read.distribution === 'rke')
    it('exports a cluster.yml that reads back without refusals, or says what blocks it', async () => {
      const result = await tryRead(file, {}, set);
      if (typeof result === 'string') return expectNone([result], `${file} (export)`);
      const refused = check(result).filter((f) => f.severity === 'error' && (RKE_REFUSALS as readonly string[]).includes(f.rule));
      // Addresses only Terraform knows block the export too: a cluster.yml must hold the addresses themselves.
      const unresolved = result.plan.clusters[0]?.nodes.some((n) => n.address === undefined && n.addressFrom !== undefined) ?? false;
      if (refused.length > 0 || unresolved) {
        expect(() => toClusterYml(result.plan)).toThrow(ExportError);
        return;
      }
      const again = readInputDetailed(toClusterYml(result.plan), { filename: `${file} (exported)` });
      expect(again.findings).toEqual([]);
      // The export keeps what the file says: no error appears or disappears on the way (a node
      // inside its own service range stays an error, because the range is written back too),
      // except what only the source text showed (no user: the export writes a placeholder).
      const errors = (findings: ReturnType<typeof check>) =>
        findings.filter((f) => f.severity === 'error' && f.rule !== 'rke-config-valid').map((f) => `${f.rule} ${f.nodes?.join(',') ?? ''}`);
      expect(errors(check(again))).toEqual(errors(check(result)));
      expect(again.plan.clusters[0]?.nodes).toEqual(result.plan.clusters[0]?.nodes);
    });

  if (asRancher)
    it('findings as the Rancher cluster (Rancher 2.4.8)', async () => {
      const result = await tryRead(file, RANCHER_READING, set);
      if (typeof result === 'string') return expectNone([result], `${file} (as the Rancher cluster)`);
      const mismatches: string[] = [];
      // Same cluster as the downstream reading, now named as the one that runs Rancher.
      if (result.plan.rancher?.cluster !== read.cluster)
        mismatches.push(`rancher.cluster: expected ${show(read.cluster)}, got ${show(result.plan.rancher?.cluster)}`);
      if (result.plan.rancher?.version !== RANCHER_READING.rancherVersion)
        mismatches.push(`rancher.version: expected ${RANCHER_READING.rancherVersion}, got ${show(result.plan.rancher?.version)}`);
      mismatches.push(...clusterMismatches(read, result), ...findingMismatches(asRancher, check(result)));
      expectNone(mismatches, `${file} (as the Rancher cluster)`);
    });
}

describe('real-world corpus', () => {
  if (!corpusFound) {
    it('finds the corpus folder', () => {
      throw new Error(
        `The corpus folder ${corpusDir} was not found (or is not a folder). Point ${ENV_VAR} at the folder holding the real-world inputs, ` +
          `e.g. ${ENV_VAR}=/path/to/shared/reference/real-inputs npm run test:corpus ` +
          `(a relative path is taken from the repository root, ${REPO_ROOT}; the default is ${DEFAULT_CORPUS}).`,
      );
    });
    return;
  }

  const onDisk = corpusFiles().filter((f) => statSync(join(corpusDir, f)).isFile());

  for (const [group, table] of GROUPS)
    describe(group, () => {
      for (const [file, expectation] of Object.entries(table)) describe(file, () => registerFile(file, expectation));
    });

  const unexpected = onDisk.filter((f) => !expectedFiles.has(f));
  if (unexpected.length > 0)
    describe('files without an expectation', () => {
      for (const file of unexpected)
        it(file, () => {
          throw new Error(`no expectation for ${file}: add one to test/corpus/expectations.ts`);
        });
    });

  it(`has a file in ${corpusDir} for every expectation`, () => {
    const missing = [...expectedFiles].filter((f) => !onDisk.includes(f));
    expect(missing, 'expectations whose file is missing from the corpus').toEqual([]);
  });
});
