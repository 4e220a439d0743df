// The delta report: everything that changes when an RKE cluster is rebuilt as RKE2 or K3s, item
// by item, each with the documents it rests on. An item with no source says so ("not documented"):
// the report never invents an equivalent, and nothing in the source is dropped without a line.
// Each topic's items are built in a module of their own (delta-*.ts); this one keeps their order.
import { runtimeItems, kubernetesItem } from './delta-distribution.ts';
import { snapshotItems } from './delta-etcd.ts';
import type { DeltaInput, DeltaItem } from './delta-item.ts';
import { aceItems, cniItems, ingressItems, loadBalancerItems } from './delta-network.ts';
import { portItems } from './delta-ports.ts';
import { extraArgItems, nodeItems, notCarriedItems, registryItems, sourceItems } from './delta-settings.ts';

export function deltaItems(input: DeltaInput): DeltaItem[] {
  return [
    ...sourceItems(input),
    ...portItems(input),
    ...loadBalancerItems(input),
    ...runtimeItems(input),
    ...cniItems(input),
    kubernetesItem(input),
    ...aceItems(input),
    ...ingressItems(input),
    ...registryItems(input),
    ...snapshotItems(input),
    ...extraArgItems(input),
    ...nodeItems(input),
    ...notCarriedItems(input),
  ];
}
