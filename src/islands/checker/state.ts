// The checker's state and every edit the reader can make, as one pure reducer. The plan stays a
// valid `Plan` after each action: the reducer applies the same checks as the editor's fields
// (validation.ts) and the checker's limits, and returns the state unchanged for anything else.
// Rule logic lives in src/rules, never here.
import type { RkeSource } from '../../rules/migrate/rke-source.ts';
import {
  KUBERNETES_ROLES,
  SERVER_ROLES,
  type Cluster,
  type Distribution,
  type NodeRole,
  type Plan,
  type PlanNode,
  type Rancher,
} from '../../rules/vocabulary.ts';
import { PRESETS, type PresetId } from '../../rules/presets.ts';
import type { Finding } from '../../rules/report.ts';
import { clusterOfKey, nodeKey, renameClusterInKey } from '../../rules/keys.ts';
import { isControlPlane, usesServerRoles } from '../../rules/cluster-facts.ts';
import { LIMITS } from '../../rules/limits.ts';
import { checkAddress, checkFqdn, checkHost, checkName, checkPorts, checkVersion, checkZone, roomForNodes } from './validation.ts';

export interface CheckerState {
  plan: Plan;
  /** Node keys "<cluster>/<node>" the reader marked as failed for the what-if. */
  failed: string[];
  /** Findings only the imported source could show (e.g. a cluster.yml problem); cleared by the next load. */
  extraFindings: Finding[];
  /** An imported cluster.yml's settings beyond the plan, for "Moving to RKE2", with the cluster they belong to; cleared by the next load. */
  rkeSettings?: ImportedRkeSettings;
}

export interface ImportedRkeSettings {
  cluster: string;
  settings: RkeSource;
}

export type LoadBalancerPatch = Partial<NonNullable<Cluster['loadBalancer']>>;
export type EndpointPatch = Partial<NonNullable<Cluster['authorizedEndpoint']>>;
export type ClusterPatch = Partial<Pick<Cluster, 'hosting' | 'datastore' | 'userWorkloads' | 'etcdSnapshots'>>;

export type Action =
  | { type: 'load-preset'; preset: PresetId }
  | { type: 'replace-plan'; plan: Plan; extraFindings?: Finding[]; rkeSettings?: ImportedRkeSettings; label?: string }
  | { type: 'set-rancher'; rancher: Partial<Rancher> | undefined }
  | { type: 'add-cluster' }
  | { type: 'remove-cluster'; cluster: number }
  | { type: 'rename-cluster'; cluster: number; name: string }
  | { type: 'update-cluster'; cluster: number; patch: ClusterPatch }
  | { type: 'set-distribution'; cluster: number; distribution: Distribution }
  | { type: 'set-load-balancer'; cluster: number; patch: LoadBalancerPatch | undefined }
  | { type: 'set-endpoint'; cluster: number; patch: EndpointPatch | undefined }
  | { type: 'add-nodes'; cluster: number; count: number; roles: NodeRole[]; prefix?: string; addresses?: readonly string[] }
  | { type: 'remove-node'; cluster: number; node: number }
  | { type: 'rename-node'; cluster: number; node: number; name: string }
  | { type: 'set-address'; cluster: number; node: number; address: string | undefined }
  | { type: 'set-zone'; cluster: number; node: number; zone: string | undefined }
  | { type: 'toggle-role'; cluster: number; node: number; role: NodeRole }
  | { type: 'toggle-failed'; key: string }
  | { type: 'set-failed'; keys: string[] }
  | { type: 'clear-failed' };

/** Most nodes one bulk action adds: enough for any real cluster, small enough to stay responsive. */
export const MAX_BULK_NODES = 500;

export function initialState(plan: Plan = PRESETS['rancher-rke'].plan): CheckerState {
  return { plan, failed: [], extraFindings: [] };
}

/** The roles the editor offers for a cluster: servers and agents for K3s/RKE2, the RKE three otherwise. */
export function rolesFor(cluster: Pick<Cluster, 'distribution'>): readonly NodeRole[] {
  return usesServerRoles(cluster) ? SERVER_ROLES : KUBERNETES_ROLES;
}

/** `base`, or `base-2`, `base-3`… — the first that is not taken. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

function defaultPrefix(roles: readonly NodeRole[]): string {
  if (roles.length === 1) return roles[0] === 'controlplane' ? 'cp' : roles[0]!;
  return 'node';
}

/** Turn roles into the other family when a cluster moves between RKE and K3s-style distributions. */
function convertRoles(node: PlanNode, to: readonly NodeRole[]): NodeRole[] {
  const roles = node.roles.filter((r) => to.includes(r));
  if (roles.length > 0 || node.roles.length === 0) return roles;
  if (to === SERVER_ROLES) return node.roles.includes('controlplane') || node.roles.includes('etcd') ? ['server'] : ['agent'];
  return node.roles.includes('server') ? ['etcd', 'controlplane', 'worker'] : ['worker'];
}

const replaceAt = <T>(list: readonly T[], index: number, value: T): T[] => list.map((v, i) => (i === index ? value : v));

function withCluster(state: CheckerState, index: number, update: (c: Cluster) => Cluster): CheckerState {
  const cluster = state.plan.clusters[index];
  if (!cluster) return state;
  const next = update(cluster);
  if (next === cluster) return state;
  return { ...state, plan: { ...state.plan, clusters: replaceAt(state.plan.clusters, index, next) } };
}

function renameTargets(list: string[], from: string, to: string): string[] {
  return list.map((t) => (t === from ? to : t));
}

function reduce(state: CheckerState, action: Action): CheckerState {
  switch (action.type) {
    case 'load-preset':
      return initialState(PRESETS[action.preset].plan);
    case 'replace-plan':
      return { plan: action.plan, failed: [], extraFindings: action.extraFindings ?? [], ...(action.rkeSettings ? { rkeSettings: action.rkeSettings } : {}) };
    case 'set-rancher': {
      if (action.rancher === undefined) {
        const { rancher: _dropped, ...rest } = state.plan;
        return { ...state, plan: rest };
      }
      const patch = action.rancher;
      if ('version' in patch && patch.version !== undefined && !checkVersion(patch.version).ok) return state;
      if ('host' in patch && patch.host !== undefined && !checkHost(patch.host).ok) return state;
      const base: Rancher = state.plan.rancher ?? { version: '2.4.8', install: 'kubernetes', cluster: state.plan.clusters[0]?.name };
      const rancher = { ...base, ...patch };
      if (rancher.version === undefined) delete rancher.version;
      // Optional fields the editor cleared are removed, so exports stay tidy.
      for (const key of ['cluster', 'host'] as const) if (rancher[key] === undefined || rancher[key] === '') delete rancher[key];
      return { ...state, plan: { ...state.plan, rancher } };
    }
    case 'add-cluster': {
      if (state.plan.clusters.length >= LIMITS.clusters) return state;
      const name = uniqueName('cluster', new Set(state.plan.clusters.map((c) => c.name)));
      const cluster: Cluster = { name, distribution: 'rke', userWorkloads: true, nodes: [] };
      return { ...state, plan: { ...state.plan, clusters: [...state.plan.clusters, cluster] } };
    }
    case 'remove-cluster': {
      const cluster = state.plan.clusters[action.cluster];
      if (!cluster) return state;
      const plan: Plan = { ...state.plan, clusters: state.plan.clusters.filter((_, i) => i !== action.cluster) };
      if (plan.rancher?.cluster === cluster.name) {
        const { cluster: _gone, ...rancher } = plan.rancher;
        plan.rancher = rancher;
      }
      return { ...state, plan, failed: state.failed.filter((k) => clusterOfKey(k) !== cluster.name) };
    }
    case 'rename-cluster': {
      const cluster = state.plan.clusters[action.cluster];
      const name = action.name.trim();
      if (!cluster || name === cluster.name) return state;
      if (!checkName(name, new Set(state.plan.clusters.map((c) => c.name)), 'cluster').ok) return state;
      const next = withCluster(state, action.cluster, (c) => ({ ...c, name }));
      const plan = next.plan.rancher?.cluster === cluster.name ? { ...next.plan, rancher: { ...next.plan.rancher, cluster: name } } : next.plan;
      return { ...next, plan, failed: next.failed.map((k) => renameClusterInKey(k, cluster.name, name)) };
    }
    case 'update-cluster':
      return withCluster(state, action.cluster, (c) => {
        const next: Cluster = { ...c, ...action.patch };
        if (next.hosting === undefined) delete next.hosting;
        if (next.datastore === undefined) delete next.datastore;
        if (next.etcdSnapshots === undefined) delete next.etcdSnapshots;
        return next;
      });
    case 'set-distribution':
      return withCluster(state, action.cluster, (c) => {
        if (c.distribution === action.distribution) return c;
        const roles = rolesFor({ distribution: action.distribution });
        const sameFamily = rolesFor(c) === roles;
        return {
          ...c,
          distribution: action.distribution,
          nodes: sameFamily ? c.nodes : c.nodes.map((n) => ({ ...n, roles: convertRoles(n, roles) })),
        };
      });
    case 'set-load-balancer':
      return withCluster(state, action.cluster, (c) => {
        if (action.patch === undefined) {
          const { loadBalancer: _dropped, ...rest } = c;
          return rest;
        }
        if (action.patch.ports && !checkPorts(action.patch.ports.join(',')).ok) return c;
        const base = c.loadBalancer ?? { layer: 4 as const, ports: [80, 443], targets: c.nodes.map((n) => n.name), tlsTermination: 'ingress' as const };
        return { ...c, loadBalancer: { ...base, ...action.patch } };
      });
    case 'set-endpoint':
      return withCluster(state, action.cluster, (c) => {
        if (action.patch === undefined) {
          const { authorizedEndpoint: _dropped, ...rest } = c;
          return rest;
        }
        const base = c.authorizedEndpoint ?? {
          fqdn: `api.${c.name}.example.com`,
          targets: c.nodes.filter((n) => isControlPlane(c, n)).map((n) => n.name),
          privateCA: false,
          caCertificate: false,
        };
        if (action.patch.fqdn !== undefined && !checkFqdn(action.patch.fqdn).ok) return c;
        const endpoint = { ...base, ...action.patch };
        if (!endpoint.fqdn) delete endpoint.fqdn;
        return { ...c, authorizedEndpoint: endpoint };
      });
    case 'add-nodes': {
      const planNodes = state.plan.clusters.reduce((n, c) => n + c.nodes.length, 0);
      return withCluster(state, action.cluster, (c) => {
        const room = roomForNodes(c.nodes.length, planNodes);
        const count = Math.max(0, Math.min(MAX_BULK_NODES, room, Math.floor(action.count)));
        if (count === 0) return c;
        const offered = rolesFor(c);
        const roles = offered.filter((r) => action.roles.includes(r));
        const prefix = (action.prefix ?? '').trim() || defaultPrefix(roles);
        const taken = new Set(c.nodes.map((n) => n.name));
        const added: PlanNode[] = [];
        for (let i = 1; added.length < count; i++) {
          const name = `${prefix}-${i}`;
          if (taken.has(name)) continue;
          taken.add(name);
          const address = action.addresses?.[added.length];
          added.push(address === undefined ? { name, roles: [...roles] } : { name, address, roles: [...roles] });
        }
        return { ...c, nodes: [...c.nodes, ...added] };
      });
    }
    case 'remove-node': {
      const cluster = state.plan.clusters[action.cluster];
      const node = cluster?.nodes[action.node];
      if (!cluster || !node) return state;
      const drop = (list: string[]) => list.filter((t) => t !== node.name);
      const next = withCluster(state, action.cluster, (c) => ({
        ...c,
        nodes: c.nodes.filter((_, i) => i !== action.node),
        ...(c.loadBalancer ? { loadBalancer: { ...c.loadBalancer, targets: drop(c.loadBalancer.targets) } } : {}),
        ...(c.authorizedEndpoint ? { authorizedEndpoint: { ...c.authorizedEndpoint, targets: drop(c.authorizedEndpoint.targets) } } : {}),
      }));
      const key = nodeKey(cluster.name, node.name);
      return { ...next, failed: next.failed.filter((k) => k !== key) };
    }
    case 'rename-node': {
      const cluster = state.plan.clusters[action.cluster];
      const node = cluster?.nodes[action.node];
      const name = action.name.trim();
      if (!cluster || !node || name === node.name) return state;
      if (!checkName(name, new Set(cluster.nodes.map((n) => n.name))).ok) return state;
      const next = withCluster(state, action.cluster, (c) => ({
        ...c,
        nodes: replaceAt(c.nodes, action.node, { ...node, name }),
        ...(c.loadBalancer ? { loadBalancer: { ...c.loadBalancer, targets: renameTargets(c.loadBalancer.targets, node.name, name) } } : {}),
        ...(c.authorizedEndpoint
          ? { authorizedEndpoint: { ...c.authorizedEndpoint, targets: renameTargets(c.authorizedEndpoint.targets, node.name, name) } }
          : {}),
      }));
      const from = nodeKey(cluster.name, node.name);
      return { ...next, failed: next.failed.map((k) => (k === from ? nodeKey(cluster.name, name) : k)) };
    }
    case 'set-address':
      return withCluster(state, action.cluster, (c) => {
        const node = c.nodes[action.node];
        const verdict = checkAddress(action.address ?? '');
        if (!node || !verdict.ok || verdict.value === node.address) return c;
        const { address: _old, ...rest } = node;
        return { ...c, nodes: replaceAt(c.nodes, action.node, verdict.value ? { ...rest, address: verdict.value } : rest) };
      });
    case 'set-zone':
      return withCluster(state, action.cluster, (c) => {
        const node = c.nodes[action.node];
        const verdict = checkZone(action.zone ?? '');
        if (!node || !verdict.ok || verdict.value === node.zone) return c;
        const { zone: _old, ...rest } = node;
        return { ...c, nodes: replaceAt(c.nodes, action.node, verdict.value ? { ...rest, zone: verdict.value } : rest) };
      });
    case 'toggle-role':
      return withCluster(state, action.cluster, (c) => {
        const node = c.nodes[action.node];
        if (!node) return c;
        const has = node.roles.includes(action.role);
        const roles = has ? node.roles.filter((r) => r !== action.role) : [...node.roles, action.role];
        return { ...c, nodes: replaceAt(c.nodes, action.node, { ...node, roles }) };
      });
    case 'toggle-failed':
      return { ...state, failed: state.failed.includes(action.key) ? state.failed.filter((k) => k !== action.key) : [...state.failed, action.key] };
    case 'set-failed':
      return { ...state, failed: [...new Set(action.keys)] };
    case 'clear-failed':
      return state.failed.length ? { ...state, failed: [] } : state;
  }
}

export function checkerReducer(state: CheckerState, action: Action): CheckerState {
  return reduce(state, action);
}

/** Failed node names per cluster name, for simulateFailure. Keys of nodes no longer in the plan are ignored. */
export function failedByCluster(plan: Plan, failed: readonly string[]): Map<string, string[]> {
  const set = new Set(failed);
  const out = new Map<string, string[]>();
  for (const c of plan.clusters) {
    const names = c.nodes.filter((n) => set.has(nodeKey(c.name, n.name))).map((n) => n.name);
    if (names.length) out.set(c.name, names);
  }
  return out;
}
