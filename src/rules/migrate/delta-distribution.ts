// What the new distribution itself replaces, in the delta report: the container runtime (Docker
// gives way to the embedded containerd) and the Kubernetes release.
import { plural } from '../words.ts';
import { product, type DeltaInput, type DeltaItem } from './delta-item.ts';
import { cite } from './sources.ts';

export function runtimeItems({ settings, to }: DeltaInput): DeltaItem[] {
  const extras: string[] = [];
  if (settings.nodeSettings.dockerSocket > 0) extras.push(`docker_socket on ${plural(settings.nodeSettings.dockerSocket, 'node')} has no meaning there`);
  return [
    {
      topic: 'runtime',
      change: 'change',
      text: `Docker → containerd, embedded in ${product(to)}: the control plane runs as static pods under the kubelet, images are pulled by containerd into its own store, and docker commands on the nodes give way to crictl and kubectl. Docker need not be installed on the new nodes${extras.length ? `; ${extras.join('; ')}` : ''}.`,
      sources: cite('rke1VsRke2'),
    },
  ];
}

export function kubernetesItem({ settings, version, to }: DeltaInput): DeltaItem {
  const from = settings.kubernetesVersion === undefined ? 'not stated (RKE’s default for its release)' : settings.kubernetesVersion;
  return {
    topic: 'kubernetes',
    change: version.version === undefined ? 'by-hand' : 'change',
    text: `${from} → ${version.version ?? `no ${product(to)} release chosen`}. ${version.why}`,
    sources: cite('kdm'),
  };
}
