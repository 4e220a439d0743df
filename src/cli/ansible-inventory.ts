// An Ansible inventory read the way Ansible reads it: the variables in the group_vars/ folder beside
// the inventory file apply to the groups they are named after (group_vars/all.yml, group_vars/
// rke2_servers.yml, or group_vars/rke2_servers/*.yml), so rke2_type, node_ip or a version set there
// reach the hosts. A folder given on the command line is read through the one inventory file in it.
import { InputError, LIMITS } from '../rules/index.ts';
import { parseText } from '../rules/formats/text.ts';
import { readSource } from './inputs.ts';
import type { Io } from './io.ts';

/** Names an inventory file goes by in a folder (ansible's own examples, rke2-ansible, k3s-ansible). */
const INVENTORY_NAMES = /^(hosts|inventory)(\.ya?ml|\.ini)?$/i;
const VARS_FILE = /^([A-Za-z0-9_.-]+?)(\.ya?ml|\.json)?$/;
/** Files read from group_vars/ at the most: a handful of groups in practice. */
const MAX_VARS_FILES = 200;

const joinPath = (dir: string, name: string) => (dir === '' ? name : `${dir.replace(/\/+$/, '')}/${name}`);
const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) || '/' : '');

export type GroupVars = Record<string, Record<string, unknown>>;

/** The inventory file of a folder: the one file named like one. Throws InputError when there is none or several. */
export function inventoryIn(folder: string, io: Io): string | undefined {
  const names = (io.listDir?.(folder) ?? []).filter((n) => INVENTORY_NAMES.test(n) && io.isFile(joinPath(folder, n)));
  if (names.length > 1) throw new InputError(`the folder holds several inventory files (${names.sort().join(', ')}); name the one to read.`, { file: folder });
  return names[0] === undefined ? undefined : joinPath(folder, names[0]);
}

/** The variables of group_vars/ beside an inventory file; empty when there is no such folder. */
export async function groupVarsBeside(inventory: string, io: Io): Promise<GroupVars> {
  const dir = joinPath(dirOf(inventory), 'group_vars');
  const entries = io.listDir?.(dir);
  if (entries === undefined) return {};
  const vars: GroupVars = {};
  let files = 0;
  let bytes = 0;
  const readVars = async (group: string, path: string) => {
    if (++files > MAX_VARS_FILES) throw new InputError(`more than ${MAX_VARS_FILES} files in group_vars/.`, { file: dir });
    const text = await readSource({ name: path, path }, io);
    bytes += text.length;
    if (bytes > LIMITS.inputBytes) throw new InputError(`group_vars/ adds up to more than ${LIMITS.inputBytes / 1024 / 1024} MB.`, { file: dir });
    const data = parseText(text, path).data;
    if (data === null || data === undefined) return;
    if (typeof data !== 'object' || Array.isArray(data)) throw new InputError('expected a mapping of variables.', { file: path });
    vars[group] = { ...vars[group], ...(data as Record<string, unknown>) };
  };
  for (const entry of [...entries].sort()) {
    const path = joinPath(dir, entry);
    const inner = io.listDir?.(path);
    if (inner !== undefined) {
      // group_vars/<group>/ holds several files for one group, read in name order.
      for (const name of [...inner].sort()) if (/\.(ya?ml|json)$/i.test(name) && io.isFile(joinPath(path, name))) await readVars(entry, joinPath(path, name));
      continue;
    }
    const match = VARS_FILE.exec(entry);
    if (match && io.isFile(path) && (match[2] !== undefined || !entry.includes('.'))) await readVars(match[1] as string, path);
  }
  return vars;
}
