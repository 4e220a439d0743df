// What one item of the delta report is: its topic (with the heading it is listed under), what it
// asks of the operator, its text and the documents it rests on; and what every builder of items
// reads (delta-*.ts), so the builders share one input and one shape.
import { DISTRIBUTION_LABEL, type Cluster, type Plan } from '../vocabulary.ts';
import type { TargetVersion } from './kubernetes.ts';
import type { Target } from './layout.ts';
import type { RkeSource } from './rke-source.ts';
import type { Source } from '../sources.ts';

export type DeltaTopic =
  | 'source'
  | 'ports'
  | 'load-balancer'
  | 'runtime'
  | 'cni'
  | 'kubernetes'
  | 'ace'
  | 'ingress'
  | 'registries'
  | 'snapshots'
  | 'extra-args'
  | 'node-settings'
  | 'not-carried';

/** What the item asks of the operator: open or close a port, something that changes, is kept, or has to be done by hand. */
export type DeltaChange = 'open' | 'close' | 'change' | 'keep' | 'by-hand' | 'not-carried';

export interface DeltaItem {
  topic: DeltaTopic;
  change: DeltaChange;
  text: string;
  /** Empty: not documented in the sources this project rests on. */
  sources: Source[];
}

export const TOPIC_LABEL: Record<DeltaTopic, string> = {
  source: 'What was read',
  ports: 'Ports',
  'load-balancer': 'Load balancer',
  runtime: 'Container runtime',
  cni: 'Network plugin (CNI)',
  kubernetes: 'Kubernetes version',
  ace: 'Authorized cluster endpoint',
  ingress: 'Ingress controller',
  registries: 'Private registries',
  snapshots: 'etcd snapshots',
  'extra-args': 'Services’ extra_args and settings',
  'node-settings': 'Node settings',
  'not-carried': 'Not carried',
};

export interface DeltaInput {
  plan: Plan;
  source: Cluster;
  target: Plan;
  targetCluster: Cluster;
  to: Target;
  settings: RkeSource;
  version: TargetVersion;
  registration: string | undefined;
  firstServer: string | undefined;
}

/** The new distribution's name in a sentence: RKE2 or K3s. */
export const product = (to: Target): string => DISTRIBUTION_LABEL[to];
