// The keys that name one thing of a plan in a single string: what the checker marks failed (a node,
// a cluster's load balancer or datastore, the Docker host), and the role groups the diagrams can
// open. Built and read only here. Cluster and node names cannot hold "/" or "#" (identifiers.ts),
// so "<cluster>/<node>", "<cluster>/#<part>" and "#docker-host" never collide.

/** A part of a cluster that can fail on its own. */
export type ClusterPart = 'load-balancer' | 'datastore';
export const CLUSTER_PARTS: readonly ClusterPart[] = ['load-balancer', 'datastore'];

export type FailedThing = { kind: 'node'; cluster: string; node: string } | { kind: 'part'; cluster: string; part: ClusterPart } | { kind: 'docker-host' };

/** The Docker host's key (a Rancher installed with docker run). */
export const DOCKER_HOST_KEY = '#docker-host';

/** "<cluster>/<node>" */
export const nodeKey = (cluster: string, node: string): string => `${cluster}/${node}`;

/** "<cluster>/#load-balancer" or "<cluster>/#datastore" */
export const partKey = (cluster: string, part: ClusterPart): string => `${cluster}/#${part}`;

/**
 * A node as people name it on the ports page and in `rancher-arch ports --node`: "<cluster>/<node>",
 * or the Docker host's own name, since it belongs to no cluster. readKey reads the first form back.
 */
export const nodeRef = (cluster: string | undefined, node: string): string => (cluster === undefined ? node : nodeKey(cluster, node));

/** "<cluster>/<role signature>": a role group of a cluster in a diagram ("apps/etcd+controlplane"). */
export const groupKey = (cluster: string, signature: string): string => `${cluster}/${signature}`;

/** Reads a failed-thing key back; undefined for text no key function writes. */
export function readKey(key: string): FailedThing | undefined {
  if (key === DOCKER_HOST_KEY) return { kind: 'docker-host' };
  const slash = key.indexOf('/');
  if (slash <= 0 || slash === key.length - 1) return undefined;
  const cluster = key.slice(0, slash);
  const rest = key.slice(slash + 1);
  if (!rest.startsWith('#')) return { kind: 'node', cluster, node: rest };
  const part = rest.slice(1) as ClusterPart;
  return CLUSTER_PARTS.includes(part) ? { kind: 'part', cluster, part } : undefined;
}

/** The cluster a key belongs to (none for the Docker host). */
export const clusterOfKey = (key: string): string | undefined => {
  const thing = readKey(key);
  return thing && thing.kind !== 'docker-host' ? thing.cluster : undefined;
};

/** The same key with its cluster renamed (keys of other clusters, and the Docker host's, unchanged). */
export function renameClusterInKey(key: string, from: string, to: string): string {
  const thing = readKey(key);
  if (!thing || thing.kind === 'docker-host' || thing.cluster !== from) return key;
  return thing.kind === 'node' ? nodeKey(to, thing.node) : partKey(to, thing.part);
}
