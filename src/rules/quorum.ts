// etcd arithmetic (etcd FAQ): a cluster of n members needs floor(n/2)+1 of them to agree, so it
// survives floor((n-1)/2) losses. Zero members (external datastore, or none yet) gives zeros.
// Which nodes are members is a cluster fact: see cluster-facts.ts.

export function etcdQuorum(members: number): number {
  return members > 0 ? Math.floor(members / 2) + 1 : 0;
}

export function failuresTolerated(members: number): number {
  return members > 0 ? Math.floor((members - 1) / 2) : 0;
}
