// rancher-arch check on an Ansible inventory, through the real CLI (in-process): the group_vars/
// folder beside the inventory applies to its groups, as Ansible applies it, whether the inventory
// file or its folder is named.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './fake-io.ts';

const FOLDER = fileURLToPath(new URL('../../test/fixtures/ansible-group-vars/', import.meta.url));
const real = { realFiles: true };

interface Out {
  inputs: { format: string }[];
  clusters: { name: string; nodeCount: number; etcdMembers: number }[];
}

describe('check: an Ansible inventory with group_vars/', () => {
  it.each([
    ['the folder', FOLDER],
    ['the inventory file', `${FOLDER}hosts.ini`],
  ])('%s: roles and version come from group_vars/', async (_, arg) => {
    const r = await runCli(['check', arg, '--format', 'json'], real);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.inputs[0]?.format).toBe('ansible-inventory');
    // group_vars/masters.yml makes m1–m3 servers (three etcd members); group_vars/workers/ makes w1 an agent.
    expect(out.clusters[0]).toMatchObject({ name: 'k8s_cluster', nodeCount: 4, etcdMembers: 3 });
    const plan = await runCli(['convert', arg, '--to', 'plan'], real);
    expect(plan.stdout).toMatch(/kubernetesVersion: v1\.31\.4\+rke2r1/);
    expect(plan.stdout).toMatch(/\{name: w1, address: 192\.0\.2\.41, roles: \[agent\]\}/);
  });

  it('without group_vars/ the same inventory says nothing of roles', async () => {
    const text = await import('node:fs').then((fs) => fs.readFileSync(`${FOLDER}hosts.ini`, 'utf8'));
    const r = await runCli(['check', 'hosts.ini', '--format', 'json'], { files: { 'hosts.ini': text } });
    const out = JSON.parse(r.stdout) as Out;
    expect(out.clusters[0]?.etcdMembers ?? 0).not.toBe(3);
  });

  it('a folder with two inventory files asks which one', async () => {
    const r = await runCli(['check', 'inv/'], { files: { 'inv/hosts.ini': '[a]\nx\n', 'inv/inventory.yml': 'all: {}\n' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/several inventory files \(hosts\.ini, inventory\.yml\)/);
  });
});
