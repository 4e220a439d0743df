import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../rules/presets.ts';
import { planSchema } from '../../rules/plan.ts';
import { checkPlan } from '../../rules/check.ts';
import { LIMITS } from '../../rules/limits.ts';
import { checkerReducer, failedByCluster, initialState, MAX_BULK_NODES, rolesFor, type Action, type CheckerState } from './state.ts';
import { checkFirstAddress } from './validation.ts';

const run = (state: CheckerState, ...actions: Action[]) => actions.reduce(checkerReducer, state);
const rke = () => initialState(PRESETS['rancher-rke'].plan);
const valid = (s: CheckerState) => expect(planSchema.safeParse(s.plan).success).toBe(true);

describe('checker reducer', () => {
  it('loads presets and starts with nothing failed', () => {
    const s = run(rke(), { type: 'toggle-failed', key: 'rancher/rancher-1' }, { type: 'load-preset', preset: 'downstream-production' });
    expect(s.plan).toBe(PRESETS['downstream-production'].plan);
    expect(s.failed).toEqual([]);
  });

  it('never mutates the state it is given', () => {
    const before = rke();
    const snapshot = JSON.stringify(before);
    run(
      before,
      { type: 'toggle-role', cluster: 0, node: 0, role: 'etcd' },
      { type: 'rename-node', cluster: 0, node: 1, name: 'x' },
      { type: 'remove-node', cluster: 0, node: 2 },
    );
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it('toggles roles and the findings follow', () => {
    const s = run(rke(), { type: 'toggle-role', cluster: 0, node: 0, role: 'etcd' });
    expect(s.plan.clusters[0]!.nodes[0]!.roles).toEqual(['controlplane', 'worker']);
    expect(checkPlan(s.plan).summary).not.toEqual(checkPlan(rke().plan).summary);
    const back = run(s, { type: 'toggle-role', cluster: 0, node: 0, role: 'etcd' });
    expect(back.plan.clusters[0]!.nodes[0]!.roles.sort()).toEqual(['controlplane', 'etcd', 'worker']);
  });

  it('renaming a node rewrites load-balancer targets and failed marks', () => {
    const s = run(rke(), { type: 'toggle-failed', key: 'rancher/rancher-2' }, { type: 'rename-node', cluster: 0, node: 1, name: ' lb-node ' });
    expect(s.plan.clusters[0]!.nodes[1]!.name).toBe('lb-node');
    expect(s.plan.clusters[0]!.loadBalancer!.targets).toEqual(['rancher-1', 'lb-node', 'rancher-3']);
    expect(s.failed).toEqual(['rancher/lb-node']);
    valid(s);
  });

  it('refuses empty and duplicate node names', () => {
    const s = rke();
    expect(run(s, { type: 'rename-node', cluster: 0, node: 0, name: '  ' })).toBe(s);
    expect(run(s, { type: 'rename-node', cluster: 0, node: 0, name: 'rancher-2' })).toBe(s);
  });

  it('renaming a cluster follows rancher.cluster and failed keys', () => {
    const s = run(rke(), { type: 'toggle-failed', key: 'rancher/rancher-1' }, { type: 'rename-cluster', cluster: 0, name: 'local' });
    expect(s.plan.rancher?.cluster).toBe('local');
    expect(s.failed).toEqual(['local/rancher-1']);
  });

  it('removing a node drops it from targets and failures', () => {
    const s = run(rke(), { type: 'toggle-failed', key: 'rancher/rancher-3' }, { type: 'remove-node', cluster: 0, node: 2 });
    expect(s.plan.clusters[0]!.nodes.map((n) => n.name)).toEqual(['rancher-1', 'rancher-2']);
    expect(s.plan.clusters[0]!.loadBalancer!.targets).toEqual(['rancher-1', 'rancher-2']);
    expect(s.failed).toEqual([]);
  });

  it('adds clusters with unique names and removes them (unsetting rancher.cluster)', () => {
    let s = run(rke(), { type: 'add-cluster' }, { type: 'add-cluster' });
    expect(s.plan.clusters.map((c) => c.name)).toEqual(['rancher', 'cluster', 'cluster-2']);
    s = run(s, { type: 'remove-cluster', cluster: 0 });
    expect(s.plan.rancher?.cluster).toBeUndefined();
    valid(s);
  });

  it('bulk-adds nodes with unique names and only the roles the distribution offers', () => {
    let s = run(rke(), { type: 'add-nodes', cluster: 0, count: 5, roles: ['worker', 'server'] });
    const added = s.plan.clusters[0]!.nodes.slice(3);
    expect(added.map((n) => n.name)).toEqual(['worker-1', 'worker-2', 'worker-3', 'worker-4', 'worker-5']);
    expect(added.every((n) => n.roles.join() === 'worker')).toBe(true);
    s = run(s, { type: 'add-nodes', cluster: 0, count: 2, roles: ['worker'] });
    expect(s.plan.clusters[0]!.nodes.slice(-2).map((n) => n.name)).toEqual(['worker-6', 'worker-7']);
    s = run(s, { type: 'add-nodes', cluster: 0, count: 1e9, roles: ['etcd'] });
    expect(s.plan.clusters[0]!.nodes).toHaveLength(10 + MAX_BULK_NODES);
    valid(s);
  });

  it('bulk-adds nodes with the addresses from a first one up, skipping those in use', () => {
    const taken = new Set(rke().plan.clusters[0]!.nodes.flatMap((n) => (n.address ? [n.address] : [])));
    const first = [...taken][0]!;
    const addresses = checkFirstAddress(first, 3, taken);
    expect(addresses.ok).toBe(true);
    const s = run(rke(), { type: 'add-nodes', cluster: 0, count: 3, roles: ['worker'], addresses: addresses.ok ? addresses.value : [] });
    const added = s.plan.clusters[0]!.nodes.slice(3);
    expect(added.map((n) => n.address)).toHaveLength(3);
    expect(added.every((n) => n.address !== undefined && !taken.has(n.address))).toBe(true);
    expect(new Set(added.map((n) => n.address)).size).toBe(3);
    valid(s);
  });

  it('converts roles when the distribution changes family', () => {
    const k3s = run(rke(), { type: 'set-distribution', cluster: 0, distribution: 'k3s' });
    expect(k3s.plan.clusters[0]!.nodes.every((n) => n.roles.join() === 'server')).toBe(true);
    expect(rolesFor(k3s.plan.clusters[0]!)).toEqual(['server', 'agent']);
    const back = run(k3s, { type: 'set-distribution', cluster: 0, distribution: 'rke' });
    expect(back.plan.clusters[0]!.nodes[0]!.roles).toEqual(['etcd', 'controlplane', 'worker']);
  });

  it('edits and removes the load balancer and authorized endpoint', () => {
    let s = run(rke(), { type: 'set-load-balancer', cluster: 0, patch: { layer: 7, ports: [443] } });
    expect(s.plan.clusters[0]!.loadBalancer).toMatchObject({ layer: 7, ports: [443], tlsTermination: 'ingress' });
    s = run(s, { type: 'set-load-balancer', cluster: 0, patch: undefined });
    expect('loadBalancer' in s.plan.clusters[0]!).toBe(false);
    s = run(s, { type: 'set-endpoint', cluster: 0, patch: {} });
    expect(s.plan.clusters[0]!.authorizedEndpoint).toMatchObject({ fqdn: 'api.rancher.example.com', targets: ['rancher-1', 'rancher-2', 'rancher-3'] });
    s = run(s, { type: 'set-endpoint', cluster: 0, patch: { fqdn: undefined, privateCA: true } });
    expect(s.plan.clusters[0]!.authorizedEndpoint).toEqual({ targets: ['rancher-1', 'rancher-2', 'rancher-3'], privateCA: true, caCertificate: false });
    valid(s);
  });

  it('edits the rancher section and removes it', () => {
    let s = run(rke(), { type: 'set-rancher', rancher: { install: 'docker', host: '10.0.0.9', cluster: undefined } });
    expect(s.plan.rancher).toEqual({ version: '2.4.8', install: 'docker', host: '10.0.0.9' });
    s = run(s, { type: 'set-rancher', rancher: undefined });
    expect(s.plan.rancher).toBeUndefined();
    s = run(s, { type: 'set-rancher', rancher: {} });
    expect(s.plan.rancher).toEqual({ version: '2.4.8', install: 'kubernetes', cluster: 'rancher' });
    valid(s);
  });

  it('tracks failures per cluster', () => {
    const s = run(
      rke(),
      { type: 'toggle-failed', key: 'rancher/rancher-1' },
      { type: 'toggle-failed', key: 'rancher/rancher-3' },
      { type: 'toggle-failed', key: 'rancher/rancher-1' },
    );
    expect(s.failed).toEqual(['rancher/rancher-3']);
    expect(failedByCluster(s.plan, [...s.failed, 'gone/x'])).toEqual(new Map([['rancher', ['rancher-3']]]));
    expect(run(s, { type: 'clear-failed' }).failed).toEqual([]);
    expect(run(s, { type: 'set-failed', keys: ['a/b', 'a/b'] }).failed).toEqual(['a/b']);
  });

  it('replaces the plan on import with its extra findings', () => {
    const f = { rule: 'rke-config-valid' as const, severity: 'warning' as const, nodes: [], message: 'm', docs: 'rke-cluster/' };
    const s = run(rke(), { type: 'toggle-failed', key: 'rancher/rancher-1' }, { type: 'replace-plan', plan: PRESETS.empty.plan, extraFindings: [f] });
    expect(s).toEqual({ plan: PRESETS.empty.plan, failed: [], extraFindings: [f] });
  });

  it('refuses what the plan reader would refuse: the state stays as it was', () => {
    const s = rke();
    const refused: Action[] = [
      { type: 'rename-node', cluster: 0, node: 0, name: 'a b' },
      { type: 'rename-node', cluster: 0, node: 0, name: 'x'.repeat(300) },
      { type: 'rename-cluster', cluster: 0, name: 'prod;east' },
      { type: 'set-address', cluster: 0, node: 0, address: '[2001:db8::66]:22;#' },
      { type: 'set-zone', cluster: 0, node: 0, zone: 'zone a' },
      { type: 'set-rancher', rancher: { version: 'two point four' } },
      { type: 'set-rancher', rancher: { host: 'evil host' } },
      { type: 'set-load-balancer', cluster: 0, patch: { ports: [80, 99999] } },
      { type: 'set-endpoint', cluster: 0, patch: { fqdn: 'api example.com' } },
    ];
    for (const action of refused) expect(run(s, action)).toBe(s);
  });

  it('sets and clears addresses and zones', () => {
    let s = run(rke(), { type: 'set-zone', cluster: 0, node: 0, zone: ' zone-b ' }, { type: 'set-address', cluster: 0, node: 1, address: 'node2.example.com' });
    expect(s.plan.clusters[0]!.nodes[0]!.zone).toBe('zone-b');
    expect(s.plan.clusters[0]!.nodes[1]!.address).toBe('node2.example.com');
    s = run(s, { type: 'set-zone', cluster: 0, node: 0, zone: undefined }, { type: 'set-address', cluster: 0, node: 1, address: '' });
    expect('zone' in s.plan.clusters[0]!.nodes[0]!).toBe(false);
    expect('address' in s.plan.clusters[0]!.nodes[1]!).toBe(false);
    valid(s);
  });

  it('stays within the checker’s limits on clusters and nodes', () => {
    let s = initialState({
      clusters: Array.from({ length: LIMITS.clusters }, (_, i) => ({ name: `c${i}`, distribution: 'rke' as const, userWorkloads: false, nodes: [] })),
    });
    expect(run(s, { type: 'add-cluster' })).toBe(s);
    s = initialState({
      clusters: [
        {
          name: 'big',
          distribution: 'rke',
          userWorkloads: false,
          nodes: Array.from({ length: LIMITS.nodesPerCluster - 3 }, (_, i) => ({ name: `n${i}`, roles: [] })),
        },
      ],
    });
    expect(run(s, { type: 'add-nodes', cluster: 0, count: 100, roles: ['worker'] }).plan.clusters[0]!.nodes).toHaveLength(LIMITS.nodesPerCluster);
  });
});

describe('etcd snapshots in the editor', () => {
  it('update-cluster sets them, the rules see them, and undefined returns to "not stated"', () => {
    const off = run(rke(), { type: 'update-cluster', cluster: 0, patch: { etcdSnapshots: { enabled: false } } });
    valid(off);
    expect(off.plan.clusters[0]!.etcdSnapshots).toEqual({ enabled: false });
    expect(checkPlan(off.plan).findings.some((f) => f.rule === 'etcd-snapshots-enabled')).toBe(true);
    const unset = run(off, { type: 'update-cluster', cluster: 0, patch: { etcdSnapshots: undefined } });
    expect('etcdSnapshots' in unset.plan.clusters[0]!).toBe(false);
  });
});
