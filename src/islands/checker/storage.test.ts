import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../rules/presets.ts';
import { deleteSaved, keepAmongSaved, listSaved, MAX_SAVED, openSaved, restoreSaved, SAVED_KEY, savePlan } from './storage.ts';
import { readFileText } from './import-reading.ts';

const CLUSTER_YML_UTF8 = `# an RKE cluster.yml with a non-ASCII comment: café
nodes:
  - address: 10.0.0.1
    user: rancher
    role: [controlplane, worker, etcd]
`;
const memory = () => {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
};

describe('plans saved by name', () => {
  it('saves, lists newest first, refuses a taken name unless asked to replace, deletes and puts back', () => {
    const storage = memory();
    expect(savePlan('option A', PRESETS['rancher-rke'].plan, { storage, now: 1000 })).toMatchObject({ ok: true });
    expect(savePlan('option B', PRESETS['rancher-k3s'].plan, { storage, now: 2000 })).toMatchObject({ ok: true });
    expect(listSaved(storage).map((p) => [p.name, p.clusters, p.nodes])).toEqual([
      ['option B', 1, 2],
      ['option A', 1, 3],
    ]);
    expect(savePlan('option A', PRESETS.empty.plan, { storage })).toEqual({ ok: false, problem: 'A saved plan is already called “option A”.' });
    expect(savePlan('option A', PRESETS.empty.plan, { storage, replace: true, now: 3000 })).toMatchObject({ ok: true });
    const list = listSaved(storage);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ name: 'option A', nodes: 0 });
    const gone = list[1]!;
    expect(deleteSaved(gone.id, storage)).toEqual({ list: [list[0]] });
    expect(restoreSaved(gone, storage)).toMatchObject({ list: [{ name: 'option A' }, { name: 'option B' }] });
  });

  it('never drops a plan to make room, and says when storage refuses', () => {
    const storage = memory();
    for (let i = 0; i < MAX_SAVED; i++) expect(savePlan(`p${i}`, PRESETS.empty.plan, { storage, now: i }).ok).toBe(true);
    expect(savePlan('one more', PRESETS.empty.plan, { storage })).toEqual({
      ok: false,
      problem: `At most ${MAX_SAVED} plans are kept. Delete one you no longer need first.`,
    });
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(savePlan('x', PRESETS.empty.plan, { storage: full })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^Could not save: the browser’s storage for this site is full/),
    });
  });

  it('reads junk as nothing and checks a saved plan again when it is opened', async () => {
    const storage = memory();
    storage.data.set(SAVED_KEY, '{"not": "a list"}');
    expect(listSaved(storage)).toEqual([]);
    storage.data.set(SAVED_KEY, JSON.stringify([{ id: 1 }, { id: 'a', name: 'ok', savedAt: 5, plan: { clusters: [{ name: 'bad name', nodes: [] }] } }, 'x']));
    const [entry] = listSaved(storage);
    expect(entry).toMatchObject({ name: 'ok', clusters: 1, nodes: 0 });
    await expect(openSaved(entry!)).rejects.toThrow(/clusters\[0\]\.name: contains a space/);
  });

  it('keeps a plan once, under a name of its own', () => {
    const storage = memory();
    expect(keepAmongSaved('From a link', PRESETS['rancher-rke'].plan, storage)).toBe('From a link');
    expect(keepAmongSaved('From a link', PRESETS['rancher-rke'].plan, storage)).toBe('From a link');
    expect(keepAmongSaved('From a link', PRESETS['rancher-k3s'].plan, storage)).toBe('From a link (2)');
    expect(listSaved(storage)).toHaveLength(2);
  });
});

describe('files', () => {
  const file = (name: string, bytes: Uint8Array, size = bytes.length) => {
    let read = false;
    return {
      name,
      size,
      arrayBuffer: () => {
        read = true;
        return Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
      },
      wasRead: () => read,
    };
  };

  it('refuses a file over the size limit before reading a byte of it', async () => {
    const huge = file('huge.yaml', new Uint8Array(0), 20 * 1024 * 1024);
    expect(await readFileText(huge)).toEqual({
      error: { reason: expect.stringMatching(/^input is more than 5 MB \(the file is 20\.0 MB\); the checker holds a file whole/), place: 'huge.yaml' },
    });
    expect(huge.wasRead()).toBe(false);
  });

  it('decodes UTF-16 with a byte-order mark as the CLI does, and refuses what is not text', async () => {
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLUSTER_YML_UTF8, 'utf16le')]));
    expect(await readFileText(file('c.yml', utf16))).toEqual({ text: CLUSTER_YML_UTF8 });
    expect(await readFileText(file('bin', new Uint8Array([0xc3, 0x28])))).toMatchObject({
      error: { reason: expect.stringMatching(/not UTF-8 text/), place: 'bin' },
    });
  });
});
