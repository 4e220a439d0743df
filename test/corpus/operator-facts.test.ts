// The facts operators ask about, read from the real files that carry them, as SOURCES.md describes
// each file by hand: etcd snapshot settings, the registration address a node joins through, the
// names its API certificate covers and the taints it starts with. Values here come from SOURCES.md's
// rows, not from our own output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/rules/index.ts';
import { corpusDir, corpusFound } from './location.ts';

const read = (file: string) => {
  if (!corpusFound) throw new Error(`the corpus folder ${corpusDir} was not found`);
  return readInput(readFileSync(join(corpusDir, file), 'utf8'), { filename: file });
};

describe('operator facts in the real-world corpus', () => {
  it('rke-ha-3node-allroles.cluster.yml: "etcd snapshots" on, at rke\'s own defaults', () => {
    const cluster = read('rke-ha-3node-allroles.cluster.yml').clusters[0];
    expect(cluster?.etcdSnapshots).toBeDefined();
    expect(cluster?.etcdSnapshots?.enabled).not.toBe(false);
  });

  it('k3s-server-cluster-init.config.yaml: snapshot cron every 6 hours, retention 8; tls-san a hostname and an IP', () => {
    const cluster = read('k3s-server-cluster-init.config.yaml').clusters[0];
    expect(cluster?.etcdSnapshots).toMatchObject({ cron: '0 */6 * * *', retention: 8 });
    expect(cluster?.nodes[0]?.tlsSan).toEqual(['ctrl-01.lan', '192.168.8.11']);
    expect(cluster?.nodes[0]?.server).toBeUndefined();
  });

  it('k3s-server-join.config.yaml: joins through https://10.0.1.1:6443; tls-san lists the 3 server IPs', () => {
    const node = read('k3s-server-join.config.yaml').clusters[0]?.nodes[0];
    expect(node?.server).toBe('https://10.0.1.1:6443');
    expect(node?.tlsSan).toHaveLength(3);
  });

  it('rke2-server-join-9345.config.yaml: joins through the supervisor port of cluster.k8s.net', () => {
    const node = read('rke2-server-join-9345.config.yaml').clusters[0]?.nodes[0];
    expect(node?.server).toBe('https://cluster.k8s.net:9345');
    expect(node?.tlsSan).toContain('cluster.k8s.net');
  });

  it('k3s-server-taint-criticaladdons.config.yaml: the CriticalAddonsOnly NoExecute taint', () => {
    expect(read('k3s-server-taint-criticaladdons.config.yaml').clusters[0]?.nodes[0]?.taints).toEqual(['CriticalAddonsOnly=true:NoExecute']);
  });
});
