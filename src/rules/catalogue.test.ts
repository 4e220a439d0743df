// Every rule module describes itself and carries worked examples; this runs them all. A rule fires
// on each of its `fires` plans (naming the nodes and tier the example expects) and stays quiet on
// each `quiet` plan — at the example's own Rancher version.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES, ruleById } from './catalogue/index.ts';
import { aboutRule } from './catalogue/about.ts';
import { checkPlan } from './check.ts';
import { readInputDetailed } from './formats/read.ts';
import { validatePlan } from './formats/validate.ts';
import { GUIDE_PAGES, docsPath } from './guide-pages.ts';
import { CATEGORY_ORDER, type Example, type Rule, type RuleExamples } from './rule.ts';
import { compareVersions } from './versions.ts';

const modules = import.meta.glob<{ rule: Rule; examples: RuleExamples }>('./catalogue/*.ts', { eager: true });

function findingsFor(rule: Rule, example: Example) {
  if (example.text !== undefined) {
    const read = readInputDetailed(example.text, { filename: 'example.yml', ...example.read });
    return checkPlan(read.plan, { extraFindings: read.findings }).findings.filter((f) => f.rule === rule.id);
  }
  return checkPlan(validatePlan(example.plan ?? {})).findings.filter((f) => f.rule === rule.id);
}

describe('the rule catalogue', () => {
  it('lists every module in the folder, each named after its rule, in category order', () => {
    const files = readdirSync(fileURLToPath(new URL('./catalogue/', import.meta.url))).filter(
      (f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'about.ts' && !f.endsWith('.test.ts'),
    );
    expect(RULES.map((r) => `${r.id}.ts`).sort()).toEqual(files.sort());
    const order = RULES.map((r) => CATEGORY_ORDER.indexOf(r.category));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('has unique ids, words to explain each rule and a heading on a known guidance page', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.id, rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.title.length, rule.id).toBeGreaterThan(10);
      expect(aboutRule(rule.id).rationale.length, rule.id).toBeGreaterThan(20);
      expect(Object.keys(GUIDE_PAGES), rule.id).toContain(rule.docs.page);
      expect(docsPath(rule.docs), rule.id).toMatch(/^[a-z0-9-]+\/#[a-z0-9-]+$/);
      expect((rule.check !== undefined) !== (rule.readBy !== undefined), `${rule.id}: a rule either checks plans or is reported by a reader`).toBe(true);
      const { since, until } = rule.versions ?? {};
      if (since && until) expect(compareVersions(since, until), rule.id).toBeLessThan(0);
    }
  });

  it('keeps the ids promised to users', () => {
    const promised = [
      'plan-node-unique',
      'plan-target-known',
      'separate-rancher-from-downstream',
      'rancher-cluster-dedicated',
      'docker-install-not-production',
      'rancher-cluster-ha',
      'rancher-distribution-supported',
      'rancher-k3s-preferred',
      'rancher-rke-three-nodes',
      'rancher-rke-all-roles',
      'rancher-k3s-external-datastore',
      'rancher-not-managed-kubernetes',
      'rancher-hosted-infrastructure',
      'lb-present',
      'lb-layer-4',
      'lb-ports-80-443',
      'lb-all-nodes',
      'lb-tls-at-ingress',
      'rke-each-role',
      'etcd-odd-members',
      'downstream-single-role',
      'downstream-three-etcd',
      'downstream-two-controlplane',
      'ace-fqdn',
      'ace-controlplane-targets',
      'ace-ca-certificate',
      'rke-config-valid',
    ];
    expect(promised.filter((id) => !ruleById(id))).toEqual([]);
  });

  for (const [file, mod] of Object.entries(modules)) {
    if (file.endsWith('/index.ts') || file.endsWith('/about.ts')) continue;
    const { rule, examples } = mod;
    describe(rule.id, () => {
      it('has examples that fire and examples that stay quiet', () => {
        expect(examples.fires.length).toBeGreaterThan(0);
        expect(examples.quiet.length).toBeGreaterThan(0);
      });
      examples.fires.forEach((example, i) => {
        it(`fires on example ${i + 1}${example.note ? ` (${example.note})` : ''}`, () => {
          const found = findingsFor(rule, example);
          expect(found.length).toBeGreaterThan(0);
          for (const f of found) {
            expect(f.docs).toBe(docsPath(rule.docs));
            expect(f.message).toMatch(/[.)]$/);
          }
          if (example.nodes) expect(found[0]?.nodes).toEqual(example.nodes);
          if (example.severity) expect(found[0]?.severity).toBe(example.severity);
        });
      });
      examples.quiet.forEach((example, i) => {
        it(`stays quiet on example ${i + 1}${example.note ? ` (${example.note})` : ''}`, () => {
          expect(findingsFor(rule, example)).toEqual([]);
        });
      });
    });
  }
});
