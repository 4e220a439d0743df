// Rancher runs on a cluster that survives losing a machine.
import { usesServerRoles } from '../cluster-facts.ts';
import { ALL_ROLES, nodes, rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { compareVersions } from '../versions.ts';
import { plural } from '../words.ts';

export const about: RuleAboutEntry = {
  rationale:
    'From v2.4 Rancher must run on a highly available cluster; earlier versions recommend it. HA here means at least three etcd members and two nodes running the API server (RKE: three nodes with every role; RKE2 or K3s on embedded etcd: three servers), or, with an external datastore, two servers. So this is an error for Rancher 2.4 and later and a warning before.',
};

export const rule = defineRule({
  id: 'rancher-cluster-ha',
  severity: 'error',
  category: 'installation',
  title: 'The Rancher cluster is highly available (an error from Rancher 2.4, a warning before)',
  docs: { page: 'high-availability', heading: 'What HA means for Rancher', anchor: 'what-ha-means-for-rancher' },
  check(ctx) {
    const r = ctx.rancher;
    if (!r || r.datastore === 'managed' || r.cluster.distribution === 'other') return;
    const c = r.cluster;
    const severity = compareVersions(ctx.rancherVersion, '2.4') >= 0 ? 'error' : 'warning';
    const serverStyle = usesServerRoles(c) && (r.roles.server ?? 0) + (r.roles.agent ?? 0) > 0;
    const problems: string[] = [];
    if (r.datastore === 'sqlite') {
      problems.push('one server keeping its data in SQLite, which cannot be shared with a second server');
    } else if (serverStyle) {
      const servers = r.roles.server ?? 0;
      const needed = r.datastore === 'external' ? 2 : 3;
      if (servers < needed)
        problems.push(`${plural(servers, 'server')} on ${r.datastore === 'external' ? 'an external datastore' : 'embedded etcd'} (${needed} needed)`);
    } else {
      if (r.datastore === 'etcd' && r.etcdMembers < 3) problems.push(`${plural(r.etcdMembers, 'etcd node')} (3 needed)`);
      if (r.controlPlane < 2) problems.push(`${plural(r.controlPlane, 'controlplane node')} (2 needed)`);
    }
    if (problems.length === 0) return;
    ctx.report({
      cluster: c.name,
      severity,
      message: `The Rancher cluster "${c.name}" is not highly available: it has ${problems.join(' and ')}. Add nodes so losing one machine does not take Rancher down.`,
    });
  },
});

const k3s = (count: number, datastore: 'external' | 'embedded' | 'sqlite') =>
  rancherOn({ name: 'rancher', distribution: 'k3s', datastore, nodes: nodes('s', count, ['server']) });

export const examples: RuleExamples = {
  fires: [
    {
      plan: rancherOn(rancherRke({ nodes: [{ name: 'r1', address: '10.0.0.1', roles: [...ALL_ROLES] }], loadBalancer: { targets: ['r1'] } })),
      severity: 'error',
    },
    {
      plan: rancherOn(rancherRke({ nodes: [{ name: 'r1', roles: [...ALL_ROLES] }], loadBalancer: undefined }), 'v2.3.6'),
      severity: 'warning',
      note: 'before 2.4 a warning',
    },
    { plan: k3s(1, 'external') },
    { plan: k3s(2, 'embedded'), note: 'embedded etcd needs three servers' },
    { plan: k3s(1, 'sqlite') },
  ],
  quiet: [{ plan: rancherOn(rancherRke()) }, { plan: k3s(2, 'external') }, { plan: k3s(3, 'embedded') }],
};
