import { describe, expect, it } from 'vitest';
import { PRESETS, RECOMMENDED_PLAN } from '../../rules/presets.ts';
import { decodePlan, encodePlan, MAX_LINK_CHARS, payloadFromHash, planHash, ShareError } from './share.ts';
import { listSaved, loadStoredPlan, storePlan, STORAGE_KEY } from './storage.ts';
import { startupPlan } from './startup.ts';

async function deflate(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return `v1.${Buffer.from(bytes).toString('base64url')}`;
}

describe('share links', () => {
  it('round-trips every preset and the recommended plan', async () => {
    for (const plan of [...Object.values(PRESETS).map((p) => p.plan), RECOMMENDED_PLAN]) {
      const payload = await encodePlan(plan);
      expect(payload).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
      expect(await decodePlan(payload)).toEqual(JSON.parse(JSON.stringify(plan)));
    }
  });

  it('is compact', async () => {
    expect((await encodePlan(RECOMMENDED_PLAN)).length).toBeLessThan(JSON.stringify(RECOMMENDED_PLAN).length / 2);
  });

  it('finds the payload in a hash', async () => {
    const hash = await planHash(PRESETS.empty.plan);
    expect(hash.startsWith('#plan=v1.')).toBe(true);
    expect(payloadFromHash(hash)).toBe(hash.slice(6));
    expect(payloadFromHash('#other=1&plan=v1.abc')).toBe('v1.abc');
    expect(payloadFromHash('#section-heading')).toBeUndefined();
    expect(payloadFromHash('')).toBeUndefined();
  });

  const rejects = async (payload: string, pattern: RegExp) => {
    const error = await decodePlan(payload).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ShareError);
    expect((error as Error).message).toMatch(pattern);
  };

  it('rejects malformed links with a message for people', async () => {
    await rejects('', /format/);
    await rejects('v2.abc', /format "v2"/);
    await rejects('v1.%%%', /base64url/);
    await rejects('v1.AAAA', /decompressed|does not hold/);
    await rejects('v1.' + 'A'.repeat(10), /decompressed|does not hold/);
    await rejects(await deflate('not json'), /does not hold a plan/);
    await rejects(await deflate('[1,2,3]'), /does not hold a plan/);
  });

  it('reads JSON only: YAML in a link is refused, never handed to the YAML parser', async () => {
    // Valid YAML (a flow mapping with an anchor), invalid JSON: the old reader fell back to YAML.
    await rejects(await deflate('{clusters: &c [], rancher: {version: "2.9"}}'), /does not hold a plan/);
    await rejects(await deflate('{"clusters": []} # a YAML comment'), /does not hold a plan/);
    await expect(decodePlan(await deflate('{"clusters":[]}'))).resolves.toEqual({ clusters: [] });
  });

  it('rejects plans of the wrong shape with the place', async () => {
    await rejects(await deflate('{"clusters":"many"}'), /clusters/);
    await rejects(await deflate('{"clusters":[{"name":"a","nodes":[{"name":"n","roles":["boss"]}]}]}'), /clusters\[0\]\.nodes\[0\]\.roles\[0\]/);
    await rejects(await deflate('{"clusters":[],"extra":1}'), /extra/);
  });

  it('keeps prototype keys as data and refuses them', async () => {
    await rejects(await deflate('{"__proto__":{"polluted":true},"clusters":[]}'), /__proto__/);
    await rejects(await deflate('{"clusters":[{"name":"a","constructor":{"prototype":{"x":1}}}]}'), /constructor/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses huge links before and after inflating', async () => {
    await rejects('v1.' + 'A'.repeat(MAX_LINK_CHARS + 1), /characters long/);
    // 10 MB of spaces deflates to a few kB: a decompression bomb.
    const bomb = await deflate(`{"clusters":[]${' '.repeat(10 * 1024 * 1024)}}`);
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    await rejects(bomb, /more than 2 MB/);
  });

  it('refuses deep nesting', async () => {
    await rejects(await deflate(`{"clusters":${'['.repeat(500)}${']'.repeat(500)}}`), /nesting|not valid/);
  });
});

describe('startup and storage', () => {
  const memory = () => {
    const data = new Map<string, string>();
    return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
  };

  it('stores and restores a plan, ignoring junk', async () => {
    const storage = memory();
    expect(await loadStoredPlan(storage)).toBeUndefined();
    expect(storePlan(PRESETS['rancher-k3s'].plan, storage)).toBe(true);
    expect(await loadStoredPlan(storage)).toEqual(JSON.parse(JSON.stringify(PRESETS['rancher-k3s'].plan)));
    storage.data.set(STORAGE_KEY, '{"clusters": 5');
    expect(await loadStoredPlan(storage)).toBeUndefined();
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(await loadStoredPlan(broken)).toBeUndefined();
    expect(storePlan(PRESETS.empty.plan, broken)).toBe(false);
  });

  it('prefers the link, then storage, then the preset', async () => {
    const storage = memory();
    storePlan(PRESETS['docker-single'].plan, storage);
    const fromLink = await startupPlan(await planHash(PRESETS['rancher-k3s'].plan), storage);
    expect(fromLink.plan.clusters[0]!.distribution).toBe('k3s');
    expect(fromLink.persist).toBe(true);
    const fromStorage = await startupPlan('', storage);
    expect(fromStorage.plan.rancher?.install).toBe('docker');
    const fresh = await startupPlan('', memory());
    expect(fresh.plan).toBe(PRESETS['rancher-rke'].plan);
    expect(fresh.notice).toBeUndefined();
  });

  it('opening a link keeps both plans among the saved ones and offers the old one to Undo', async () => {
    const storage = memory();
    storePlan(PRESETS['docker-single'].plan, storage);
    const opened = await startupPlan(await planHash(PRESETS['rancher-k3s'].plan), storage);
    expect(opened.previous?.rancher?.install).toBe('docker');
    expect(opened.notice?.text).toMatch(
      /^Loaded the plan from the link\. It is in your saved plans as “From a link, .+”\. The plan you had here is saved as “My plan before a link, .+”; Undo also brings it back\.$/,
    );
    const list = listSaved(storage);
    expect(list.map((p) => p.name).sort()).toEqual([expect.stringMatching(/^From a link, /), expect.stringMatching(/^My plan before a link, /)]);
    expect(list.find((p) => p.name.startsWith('From'))!.plan).toEqual(JSON.parse(JSON.stringify(PRESETS['rancher-k3s'].plan)));
    // The same link again adds nothing new: the plan is already saved.
    storePlan(PRESETS['rancher-rke'].plan, storage);
    await startupPlan(await planHash(PRESETS['rancher-k3s'].plan), storage);
    expect(listSaved(storage).filter((p) => p.name.startsWith('From a link'))).toHaveLength(1);
  });

  it('reloading the page with its own link is a restore, not a new saved plan', async () => {
    const storage = memory();
    storePlan(PRESETS['rancher-k3s'].plan, storage);
    const again = await startupPlan(await planHash(PRESETS['rancher-k3s'].plan), storage);
    expect(again.notice?.text).toBe('Restored the plan saved in this browser.');
    expect(again.previous).toBeUndefined();
    expect(listSaved(storage)).toEqual([]);
  });

  it('a bad link says why, shows the reader’s plan (or the preset) and stores nothing', async () => {
    const bad = await startupPlan('#plan=v1.garbage!!', memory());
    expect(bad.plan).toBe(PRESETS['rancher-rke'].plan);
    expect(bad.persist).toBe(false);
    expect(bad.notice?.kind).toBe('error');
    expect(bad.notice?.text).toMatch(/could not be loaded.*Rancher on RKE/);
    const storage = memory();
    storePlan(PRESETS['docker-single'].plan, storage);
    const kept = await startupPlan('#plan=v1.garbage!!', storage);
    expect(kept.plan.rancher?.install).toBe('docker');
    expect(kept.notice?.text).toMatch(/Showing the plan saved in this browser, unchanged\.$/);
    expect(listSaved(storage)).toEqual([]);
  });

  it('the reason a link failed is a whole sentence, not run into the next one', async () => {
    const payload = await deflate(JSON.stringify({ clusters: [{ name: 'c', nodes: [{ name: 'n', roles: 'nope' }] }] }));
    const start = await startupPlan(`#plan=${payload}`, memory());
    expect(start.notice?.text).toMatch(/got the text "nope"\. Showing the preset/);
  });

  it('a short link that inflates to 100,000 nodes is refused before any of it is kept', async () => {
    const storage = memory();
    const payload = await deflate(JSON.stringify({ clusters: [{ name: 'c', nodes: Array.from({ length: 100_000 }, () => ({ name: 'a' })) }] }));
    expect(payload.length).toBeLessThan(10_000);
    const start = await startupPlan(`#plan=${payload}`, storage);
    expect(start.notice?.kind).toBe('error');
    expect(start.notice?.text).toMatch(
      /the cluster has 100,000 nodes; at most 5,000 are checked in one cluster, since Kubernetes documents clusters of up to 5,000 nodes/,
    );
    expect(start.persist).toBe(false);
    expect(storage.data.size).toBe(0);
  });
});
