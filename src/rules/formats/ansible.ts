// Ansible inventories for RKE2 and K3s, in YAML or INI, and the inventory a Molecule scenario
// declares. Roles come from the groups the playbooks use (rancherfederal/rke2-ansible:
// rke2_servers / rke2_agents; k3s-io/k3s-ansible: server / agent) or from the variable
// lablabs/ansible-role-rke2 reads (`rke2_type: server|agent`, set on hosts or groups).
// A node is named by `node_name` or its inventory name; its address is `ansible_host`, else
// `node_ip`, else the inventory name when that is an IP address. The cluster is named after the
// group holding the servers and agents (rke2_cluster, k3s_cluster), its version from
// install_rke2_version / rke2_version / k3s_version.
import { addressProblem } from '../identifiers.ts';
import type { Datastore, NodeRole } from '../vocabulary.ts';
import type { Format, ReaderOutput, SingleClusterOptions } from './format.ts';
import { InputError, type InputWarning } from './input-error.ts';
import { distributionOfVersion } from './provisioning-cluster.ts';
import { isRecord, scalarText, singleClusterPlan, type ClusterInput, type NodeInput } from './single-cluster.ts';
import type { ParsedText } from './text.ts';
import { LIMITS } from '../limits.ts';

/** One group of the inventory, as Ansible sees it once YAML, INI or Molecule are set aside. */
export interface InventoryGroup {
  hosts: Map<string, { vars: Record<string, unknown>; path: readonly PropertyKey[] }>;
  children: string[];
  vars: Record<string, unknown>;
}
export type Inventory = Map<string, InventoryGroup>;

const SERVER_GROUPS = new Set(['rke2_servers', 'server', 'k3s_servers']);
const AGENT_GROUPS = new Set(['rke2_agents', 'agent', 'k3s_agents']);
const VERSION_VARS = ['install_rke2_version', 'rke2_version', 'k3s_version'];
const MAX_GROUPS = 1000;

const group = (inv: Inventory, name: string): InventoryGroup => {
  let g = inv.get(name);
  if (!g) {
    if (inv.size >= MAX_GROUPS) throw new InputError(`more than ${MAX_GROUPS} inventory groups; no cluster inventory has that many.`);
    g = { hosts: new Map(), children: [], vars: {} };
    inv.set(name, g);
  }
  return g;
};

/** A YAML inventory (`all: { children: …, hosts: …, vars: … }`) into groups. */
export function yamlInventory(data: Record<string, unknown>, inv: Inventory = new Map()): Inventory {
  const walk = (name: string, body: unknown, path: readonly PropertyKey[], depth: number) => {
    if (depth > 16) return;
    const g = group(inv, name);
    if (!isRecord(body)) return;
    if (isRecord(body.vars)) Object.assign(g.vars, body.vars);
    if (isRecord(body.hosts))
      for (const [host, vars] of Object.entries(body.hosts)) g.hosts.set(host, { vars: isRecord(vars) ? vars : {}, path: [...path, 'hosts', host] });
    if (isRecord(body.children))
      for (const [child, childBody] of Object.entries(body.children)) {
        if (!g.children.includes(child)) g.children.push(child);
        walk(child, childBody, [...path, 'children', child], depth + 1);
      }
  };
  for (const [name, body] of Object.entries(data)) walk(name, body, [name], 0);
  return inv;
}

/** A Molecule scenario's inventory: platforms with their groups, and provisioner.inventory group_vars / host_vars. */
export function moleculeInventory(data: Record<string, unknown>): Inventory {
  const inv: Inventory = new Map();
  const platforms = Array.isArray(data.platforms) ? data.platforms : [];
  platforms.forEach((p, i) => {
    if (!isRecord(p)) return;
    const host = scalarText(p.name);
    if (!host) return;
    const groups = Array.isArray(p.groups) ? p.groups.map(scalarText).filter((g): g is string => g !== undefined) : [];
    for (const g of groups.length > 0 ? groups : ['ungrouped']) group(inv, g).hosts.set(host, { vars: {}, path: ['platforms', i, 'name'] });
  });
  const provisioned = isRecord(data.provisioner) && isRecord(data.provisioner.inventory) ? data.provisioner.inventory : {};
  if (isRecord(provisioned.group_vars))
    for (const [g, vars] of Object.entries(provisioned.group_vars)) if (isRecord(vars)) Object.assign(group(inv, g).vars, vars);
  if (isRecord(provisioned.host_vars))
    for (const [host, vars] of Object.entries(provisioned.host_vars))
      if (isRecord(vars)) for (const g of inv.values()) if (g.hosts.has(host)) Object.assign(g.hosts.get(host)!.vars, vars);
  return inv;
}

const isMolecule = (data: Record<string, unknown>) => Array.isArray(data.platforms) && isRecord(data.provisioner);

function mentionsCluster(inv: Inventory): boolean {
  for (const [name, g] of inv) {
    if (SERVER_GROUPS.has(name) || AGENT_GROUPS.has(name)) return true;
    if ('rke2_type' in g.vars || [...g.hosts.values()].some((h) => 'rke2_type' in h.vars)) return true;
  }
  return false;
}

function looksLikeInventory(data: unknown): boolean {
  if (!isRecord(data) || 'apiVersion' in data || 'kind' in data || 'clusters' in data || 'nodes' in data) return false;
  if (isMolecule(data)) return mentionsCluster(moleculeInventory(data));
  // Every top-level entry is a group: a mapping of hosts, children and vars only.
  const groups = Object.values(data);
  if (
    groups.length === 0 ||
    !groups.every((g) => g === null || (isRecord(g) && Object.keys(g).every((k) => k === 'hosts' || k === 'children' || k === 'vars')))
  )
    return false;
  try {
    return mentionsCluster(yamlInventory(data));
  } catch {
    return false;
  }
}

/** The groups a host belongs to, parents included, ordered from the widest (all) to its own. */
function groupsOf(inv: Inventory, host: string): string[] {
  const parents = new Map<string, string[]>();
  for (const [name, g] of inv) for (const child of g.children) parents.set(child, [...(parents.get(child) ?? []), name]);
  const own = [...inv].filter(([, g]) => g.hosts.has(host)).map(([name]) => name);
  const seen = new Set<string>();
  const order: string[] = [];
  const visit = (name: string, depth: number) => {
    if (seen.has(name) || depth > 16) return;
    seen.add(name);
    for (const p of parents.get(name) ?? []) visit(p, depth + 1);
    order.push(name);
  };
  for (const g of own) visit(g, 0);
  return ['all', ...order.filter((g) => g !== 'all')];
}

/** A host's variables as Ansible merges them: all, then parent groups, then its own groups, then the host's own. */
function hostVars(inv: Inventory, host: string, groupVars: Record<string, Record<string, unknown>>): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const g of groupsOf(inv, host)) Object.assign(vars, groupVars[g] ?? {}, inv.get(g)?.vars ?? {});
  for (const g of inv.values()) if (g.hosts.has(host)) Object.assign(vars, g.hosts.get(host)!.vars);
  return vars;
}

export function readInventory(inv: Inventory, doc: ParsedText, options: SingleClusterOptions): ReaderOutput {
  const file = options.filename;
  const groupVars = options.groupVars ?? {};
  const warnings: InputWarning[] = [];
  const hosts = new Map<string, readonly PropertyKey[]>();
  for (const g of inv.values()) for (const [host, h] of g.hosts) if (!hosts.has(host)) hosts.set(host, h.path);
  if (hosts.size > LIMITS.nodesPerCluster)
    throw new InputError(
      `the inventory lists ${hosts.size.toLocaleString('en')} hosts; a cluster is limited to ${LIMITS.nodesPerCluster.toLocaleString('en')}.`,
      { file },
    );
  const place = (path: readonly PropertyKey[]) => {
    const at = doc.locate(path);
    return [file, at?.line, at?.col].filter((p) => p !== undefined).join(':');
  };

  const nodes: NodeInput[] = [];
  const origins: (readonly PropertyKey[])[] = [];
  let k3s = false;
  let rke2 = false;
  const versions = new Set<string>();
  const unplaced: string[] = [];
  for (const [host, path] of hosts) {
    const vars = hostVars(inv, host, groupVars);
    const groups = groupsOf(inv, host);
    const type = scalarText(vars.rke2_type);
    let role: NodeRole | undefined;
    if (type === 'server' || type === 'agent') {
      role = type;
      rke2 = true;
    } else if (groups.some((g) => SERVER_GROUPS.has(g))) role = 'server';
    else if (groups.some((g) => AGENT_GROUPS.has(g))) role = 'agent';
    if (groups.some((g) => g.startsWith('rke2'))) rke2 = true;
    if (groups.some((g) => g.startsWith('k3s') || g === 'server' || g === 'agent')) k3s = true;
    for (const v of VERSION_VARS) {
      const text = scalarText(vars[v]);
      if (text) versions.add(text);
      if (text && v.startsWith('k3s')) k3s = true;
      if (text && v.includes('rke2')) rke2 = true;
    }
    if (!role) {
      // A host in no server or agent group (a bastion, a load balancer) is not a cluster node.
      unplaced.push(host);
      continue;
    }
    const name = scalarText(vars.node_name) ?? host;
    const node: NodeInput = { name, roles: [role] };
    const address =
      scalarText(vars.ansible_host) ?? scalarText(vars.node_ip) ?? (addressProblem(host) === undefined && /^[\d.:a-fA-F]+$/.test(host) ? host : undefined);
    if (address) node.address = address;
    nodes.push(node);
    origins.push(path);
    if (role === 'agent' && scalarText(vars.advertise_address) !== undefined)
      warnings.push({
        place: place(path),
        message: `${JSON.stringify(host)} is an agent but sets advertise_address, a server-only option; RKE2 agents ignore it.`,
      });
  }
  if (unplaced.length > 0)
    warnings.push({
      place: file ?? '',
      message: `${unplaced.length} host${unplaced.length === 1 ? ' is' : 's are'} in no server or agent group and ${unplaced.length === 1 ? 'was' : 'were'} not read as cluster nodes.`,
    });
  const version = [...versions][0];
  let distribution = options.distribution ?? distributionOfVersion(version) ?? (rke2 && !k3s ? 'rke2' : k3s && !rke2 ? 'k3s' : undefined);
  if (distribution === undefined) {
    distribution = 'rke2';
    warnings.push({
      place: file ?? '',
      message: 'the inventory does not say whether it installs RKE2 or K3s; read as RKE2. Choose with --distribution k3s or --distribution rke2.',
    });
  }
  // The first group that holds every node names the cluster (rke2_cluster, k3s_cluster, k8s_cluster).
  const members = (name: string, depth = 0): Set<string> => {
    const g = inv.get(name);
    const out = new Set(g?.hosts.keys() ?? []);
    if (g && depth < 16) for (const c of g.children) for (const h of members(c, depth + 1)) out.add(h);
    return out;
  };
  const nodeHosts = [...hosts.keys()].filter((h) => !unplaced.includes(h));
  const parentWithAll = [...inv.keys()].find((name) => {
    if (name === 'all' || name === 'ungrouped' || SERVER_GROUPS.has(name) || AGENT_GROUPS.has(name)) return false;
    const held = members(name);
    return nodeHosts.length > 0 && nodeHosts.every((h) => held.has(h));
  });
  const servers = nodes.filter((n) => n.roles?.includes('server')).length;
  const datastoreVar = nodes.length > 0 ? scalarText(hostVars(inv, [...hosts.keys()][0]!, groupVars).datastore_endpoint) : undefined;
  // k3s-ansible starts a lone server without --cluster-init (SQLite) and several with it (etcd); RKE2 always embeds etcd.
  const datastore: Datastore = datastoreVar ? 'external' : distribution === 'k3s' && servers <= 1 ? 'sqlite' : 'embedded';
  const cluster: ClusterInput = { name: parentWithAll ?? distribution, distribution, datastore, nodes };
  if (version && distributionOfVersion(version)) cluster.kubernetesVersion = version;
  return {
    plan: singleClusterPlan(cluster, options),
    warnings,
    origin(path) {
      if (path[0] !== 'clusters') return [];
      if (path[2] === 'nodes' && typeof path[3] === 'number') return origins[path[3]] ?? [];
      return [];
    },
  };
}

const INI_HEADER = /^\[([A-Za-z0-9_.-]+)(?::(vars|children))?\]\s*$/;

/** key=value pairs after a host name; values may be quoted. */
function iniPairs(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of text.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/g)) {
    const raw = m[2] ?? '';
    out[m[1]!] = /^["'].*["']$/.test(raw) ? raw.slice(1, -1) : raw;
  }
  return out;
}

/**
 * An INI inventory (`[rke2_servers]`, `host ansible_host=…`, `[group:vars]`, `[group:children]`)
 * into the YAML inventory's shape, with each host's line; undefined when the text is not one.
 */
export function parseIniInventory(text: string, file?: string): ParsedText | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = lines.find((l) => l.trim() !== '' && !/^\s*[#;]/.test(l));
  if (first === undefined || !INI_HEADER.test(first.trim())) return undefined;
  if (lines.length > LIMITS.nodesPerCluster * 4) throw new InputError('the inventory is longer than any cluster inventory; refusing to read it.', { file });
  const data: Record<string, Record<string, Record<string, unknown>>> = {};
  const lineOf = new Map<string, number>();
  let section: { group: string; kind: string | undefined } | undefined;
  let firstHeader: number | undefined;
  const body = (g: string) => (data[g] ??= {});
  lines.forEach((raw, i) => {
    const line = raw.replace(/\s[#;].*$/, '').trim();
    if (line === '' || /^[#;]/.test(line)) return;
    const header = INI_HEADER.exec(line);
    if (header) {
      section = { group: header[1]!, kind: header[2] };
      firstHeader ??= i + 1;
      body(section.group);
      lineOf.set(JSON.stringify([section.group]), i + 1);
      return;
    }
    if (!section) return;
    const g = body(section.group);
    if (section.kind === 'vars') {
      const eq = line.indexOf('=');
      if (eq > 0)
        (g.vars ??= {})[line.slice(0, eq).trim()] = line
          .slice(eq + 1)
          .trim()
          .replace(/^(["'])(.*)\1$/, '$2');
    } else if (section.kind === 'children') {
      (g.children ??= {})[line.split(/\s+/)[0]!] = {};
      body(line.split(/\s+/)[0]!);
    } else {
      const [host = '', ...rest] = line.split(/\s+/);
      (g.hosts ??= {})[host] = iniPairs(rest.join(' '));
      lineOf.set(JSON.stringify([section.group, 'hosts', host]), i + 1);
    }
  });
  return {
    data,
    locate: (path) => {
      for (let n = path.length; n > 0; n--) {
        const line = lineOf.get(JSON.stringify(path.slice(0, n)));
        if (line !== undefined) return { line, col: 1 };
      }
      // The inventory as a whole (a cluster-wide finding): where its first group starts.
      return firstHeader === undefined ? undefined : { line: firstHeader, col: 1 };
    },
    warnings: [],
    syntax: 'yaml',
  };
}

export const ansibleFormat: Format<'ansible-inventory'> = {
  id: 'ansible-inventory',
  parse: parseIniInventory,
  label: 'an Ansible inventory for RKE2 or K3s (rke2-ansible, ansible-role-rke2, k3s-ansible; YAML, INI or a Molecule scenario)',
  detect: (doc) => looksLikeInventory(doc.data),
  read(doc, options) {
    const data = doc.data as Record<string, unknown>;
    return readInventory(isMolecule(data) ? moleculeInventory(data) : yamlInventory(data), doc, options);
  },
};
