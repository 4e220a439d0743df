import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nameProblem } from './identifiers.ts';
import { clusterOfKey, DOCKER_HOST_KEY, groupKey, nodeKey, nodeRef, partKey, readKey, renameClusterInKey } from './keys.ts';

const validName = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,20}$/).filter((n) => nameProblem(n) === undefined);

describe('keys', () => {
  it('reads back what it writes, for any valid cluster and node name', () => {
    fc.assert(
      fc.property(validName, validName, (cluster, node) => {
        expect(readKey(nodeKey(cluster, node))).toEqual({ kind: 'node', cluster, node });
        expect(readKey(partKey(cluster, 'load-balancer'))).toEqual({ kind: 'part', cluster, part: 'load-balancer' });
        expect(readKey(partKey(cluster, 'datastore'))).toEqual({ kind: 'part', cluster, part: 'datastore' });
      }),
    );
    expect(readKey(DOCKER_HOST_KEY)).toEqual({ kind: 'docker-host' });
  });

  it('names cannot hold the separators the keys use', () => {
    expect(nameProblem('a/b')).toBeDefined();
    expect(nameProblem('#lb')).toBeDefined();
  });

  it('refuses text no key function writes', () => {
    for (const text of ['', 'apps', 'apps/', '/n1', 'apps/#gateway']) expect(readKey(text)).toBeUndefined();
  });

  it('renames the cluster of its own keys only, and tells a key’s cluster', () => {
    expect(renameClusterInKey(nodeKey('apps', 'n1'), 'apps', 'prod')).toBe('prod/n1');
    expect(renameClusterInKey(partKey('apps', 'datastore'), 'apps', 'prod')).toBe('prod/#datastore');
    expect(renameClusterInKey(nodeKey('apps-2', 'n1'), 'apps', 'prod')).toBe('apps-2/n1');
    expect(renameClusterInKey(DOCKER_HOST_KEY, 'apps', 'prod')).toBe(DOCKER_HOST_KEY);
    expect(clusterOfKey(partKey('apps', 'load-balancer'))).toBe('apps');
    expect(clusterOfKey(DOCKER_HOST_KEY)).toBeUndefined();
    expect(groupKey('apps', 'etcd+controlplane')).toBe('apps/etcd+controlplane');
  });

  it('names a node as people type it: a cluster’s node as its key, the Docker host by its own name', () => {
    expect(nodeRef('apps', 'n1')).toBe(nodeKey('apps', 'n1'));
    expect(readKey(nodeRef('apps', 'n1'))).toEqual({ kind: 'node', cluster: 'apps', node: 'n1' });
    expect(nodeRef(undefined, 'rancher-host')).toBe('rancher-host');
  });
});
