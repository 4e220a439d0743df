// Reading an input the way it is named: a folder the Terraform way (its *.tf and *.tfvars files
// together, not its subfolders, except the local modules those files call), a single file or
// standard input as text. Every file is read through readSource, so each keeps its byte cap, and
// the set as a whole is bounded in files and bytes before the parser sees it.
import { InputError, LIMITS, readInputAsync, readParsedDetailed, type AsyncReadOptions, type ReadResult, type SourceFile } from '../rules/index.ts';
import { groupVarsBeside, inventoryIn } from './ansible-inventory.ts';
import { isTerraformName, localModuleDirs, MAX_SET_FILES } from '../rules/formats/terraform.ts';
import { nodeHclAssets } from './hcl-assets.ts';
import { readSource, readSourceOrNodeList, type Source } from './inputs.ts';
import type { Io } from './io.ts';
import type { ReadSettings } from './options.ts';
import { readOptionsOf } from './options.ts';

/** Local modules followed at most this many calls deep. */
const MAX_MODULE_ROUNDS = 8;

const joinPath = (dir: string, name: string) => (dir === '' ? name : `${dir.replace(/\/+$/, '')}/${name}`);

async function readFolderFiles(source: Source, io: Io): Promise<SourceFile[]> {
  const root = source.name.replace(/\/+$/, '') || '/';
  const files: SourceFile[] = [];
  let bytes = 0;
  const addDir = async (dir: string, withTfvars: boolean) => {
    const names = (io.listDir?.(dir) ?? []).filter((n) => isTerraformName(n) && (withTfvars || !/\.tfvars$/i.test(n))).sort();
    for (const n of names) {
      const path = joinPath(dir, n);
      if (!io.isFile(path)) continue;
      if (files.length >= MAX_SET_FILES)
        throw new InputError(`more than ${MAX_SET_FILES} Terraform files in this folder and its modules.`, { file: source.name });
      const text = await readSource({ name: path, path }, io);
      bytes += text.length;
      if (bytes > LIMITS.inputBytes)
        throw new InputError(`the Terraform files add up to more than ${LIMITS.inputBytes / 1024 / 1024} MB; Terraform folders are far smaller.`, {
          file: source.name,
        });
      files.push({ name: path, text });
    }
  };
  await addDir(root, true);
  if (files.length === 0)
    throw new InputError(
      'no .tf or .tfvars files in this folder, and no inventory file (hosts, hosts.yml, inventory.ini…). A folder is read the Terraform way (its *.tf and *.tfvars files together) or as an Ansible inventory with its group_vars/.',
      {
        file: source.name,
      },
    );
  for (let round = 0; round < MAX_MODULE_ROUNDS; round++) {
    const dirs = (await localModuleDirs(files, nodeHclAssets)).filter((d) => io.listDir?.(d) !== undefined);
    if (dirs.length === 0) break;
    for (const dir of dirs) await addDir(dir, false);
  }
  return files;
}

/** Read one source (folder, file or standard input) into a plan. Throws InputError. */
export async function readAnySource(source: Source, settings: ReadSettings, io: Io): Promise<ReadResult> {
  const options = { ...readOptionsOf(settings, source.name), hclAssets: nodeHclAssets };
  if (source.folder) {
    const folder = source.name.replace(/\/+$/, '') || '/';
    const terraform = (io.listDir?.(folder) ?? []).some(isTerraformName);
    // A folder without Terraform files may be an Ansible inventory with its group_vars/.
    const inventory = terraform ? undefined : inventoryIn(folder, io);
    if (inventory !== undefined) return readFile({ name: inventory, path: inventory }, { ...options, filename: inventory }, io);
    return readInputAsync(await readFolderFiles(source, io), { ...options, filename: undefined, setName: source.name });
  }
  if (source.problem) throw source.problem;
  return readFile(source, options, io);
}

/**
 * One file (or standard input). Beside an Ansible inventory, group_vars/ holds variables for its
 * groups, so an inventory is read again with them; and a file the readers cannot place that has a
 * group_vars/ folder beside it is tried as the inventory Ansible would take it for (its roles may
 * live only in group_vars/). Where that fails too, the first error stands.
 */
async function readFile(source: Source, options: AsyncReadOptions, io: Io): Promise<ReadResult> {
  const input = await readSourceOrNodeList(source, io);
  // A node list past the byte bound, already read node by node.
  if ('nodeList' in input) return readParsedDetailed(input.nodeList, { ...options, format: 'kubectl-nodes' });
  const { text } = input;
  // group_vars/ is looked for beside a file named in UTF-8 (a name held as bytes has no such neighbour to read by name).
  const groupVars = typeof source.path === 'string' ? await groupVarsBeside(source.path, io) : {};
  const withVars = Object.keys(groupVars).length > 0;
  try {
    const result = await readInputAsync(text, options);
    return result.format === 'ansible-inventory' && withVars ? await readInputAsync(text, { ...options, groupVars }) : result;
  } catch (error) {
    if (!(error instanceof InputError) || !withVars || options.format !== undefined) throw error;
    return readInputAsync(text, { ...options, groupVars, format: 'ansible-inventory' }).catch(() => {
      throw error;
    });
  }
}
