// How Rancher is installed: on a highly available cluster of a distribution its version supports.
import { RULE_DOCS } from '../docs-links.ts';
import { compareVersions } from '../vocabulary.ts';
import { plural, type Rule } from '../rule.ts';

export const dockerInstallNotProduction: Rule = {
  id: 'docker-install-not-production',
  severity: 'warning',
  title: 'A single Docker container install is for trying Rancher out, not for production',
  docs: RULE_DOCS['docker-install-not-production'],
  rationale: 'A Docker install keeps all of Rancher\'s data on one machine; when that machine is lost, so is the data.',
  check(ctx) {
    if (ctx.plan.rancher?.install !== 'docker') return;
    const host = ctx.plan.rancher.host ? ` on ${ctx.plan.rancher.host}` : '';
    ctx.report({
      message: `Rancher runs as one Docker container${host}, so one machine holds every copy of its data. For production, install it on a highly available Kubernetes cluster.`,
    });
  },
};

export const rancherClusterHa: Rule = {
  id: 'rancher-cluster-ha',
  severity: 'error',
  title: 'The Rancher cluster is highly available (an error from Rancher 2.4, a warning before)',
  docs: RULE_DOCS['rancher-cluster-ha'],
  rationale:
    'From v2.4 Rancher must run on a highly available RKE or K3s cluster; earlier versions recommend it. HA here means RKE with at least 3 etcd and 2 controlplane nodes, or K3s with 2 servers on an external datastore (3 with embedded etcd). So this is an error for Rancher 2.4 and later and a warning before.',
  check(ctx) {
    const r = ctx.rancher;
    if (!r) return;
    const c = r.cluster;
    const severity = compareVersions(ctx.rancherVersion, '2.4') >= 0 ? 'error' : 'warning';
    const problems: string[] = [];
    if (c.distribution === 'rke') {
      const etcd = r.roles.etcd ?? 0;
      const cp = r.roles.controlplane ?? 0;
      if (c.datastore !== 'external' && etcd < 3) problems.push(`${plural(etcd, 'etcd node')} (3 needed)`);
      if (cp < 2) problems.push(`${plural(cp, 'controlplane node')} (2 needed)`);
    } else if (c.distribution === 'k3s' || c.distribution === 'rke2') {
      const servers = r.roles.server ?? 0;
      const external = c.datastore === 'external';
      const needed = external ? 2 : 3;
      if (servers < needed)
        problems.push(`${plural(servers, 'server')} with ${external ? 'an external' : 'an embedded'} datastore (${needed} needed)`);
    }
    if (problems.length === 0) return;
    ctx.report({
      cluster: c.name,
      severity,
      message: `The Rancher cluster "${c.name}" is not highly available: it has ${problems.join(' and ')}. Add nodes so losing one machine does not take Rancher down.`,
    });
  },
};

export const rancherDistributionSupported: Rule = {
  id: 'rancher-distribution-supported',
  severity: 'error',
  title: 'The Rancher version supports the cluster\'s distribution (before 2.4: RKE; 2.4: RKE or K3s)',
  docs: RULE_DOCS['rancher-distribution-supported'],
  rationale: 'Rancher before v2.4 installs only on RKE; v2.4 adds K3s. Other distributions are outside what those versions support.',
  check(ctx) {
    const r = ctx.rancher;
    if (!r) return;
    const d = r.cluster.distribution;
    const v = ctx.rancherVersion;
    if (compareVersions(v, '2.4') < 0 && d !== 'rke') {
      ctx.report({
        cluster: r.cluster.name,
        message: `Rancher ${v} runs only on RKE, but the Rancher cluster "${r.cluster.name}" is ${d.toUpperCase()}. Build it with RKE, or plan Rancher 2.4 or later.`,
      });
    } else if (compareVersions(v, '2.4') >= 0 && compareVersions(v, '2.5') < 0 && d !== 'rke' && d !== 'k3s') {
      ctx.report({
        cluster: r.cluster.name,
        message: `Rancher ${v} runs on RKE or K3s, but the Rancher cluster "${r.cluster.name}" is ${d.toUpperCase()}. Use one of those two.`,
      });
    }
  },
};

export const rancherK3sPreferred: Rule = {
  id: 'rancher-k3s-preferred',
  severity: 'info',
  title: 'For a first Rancher 2.4 install, K3s is the recommended distribution',
  docs: RULE_DOCS['rancher-k3s-preferred'],
  rationale: 'K3s lets the cluster data live in an external datastore, and a Rancher server cannot be moved from RKE to K3s later, so the choice made now stays. Applies to Rancher 2.4.x: from 2.5 the docs no longer state this preference.',
  check(ctx) {
    const r = ctx.rancher;
    const v = ctx.rancherVersion;
    if (!r || r.cluster.distribution !== 'rke' || compareVersions(v, '2.4') < 0 || compareVersions(v, '2.5') >= 0) return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The Rancher cluster "${r.cluster.name}" uses RKE. For a new Rancher ${ctx.rancherVersion} install K3s is the suggested choice, and there is no way to move Rancher from RKE to K3s afterwards; an existing RKE install can stay as it is.`,
    });
  },
};
