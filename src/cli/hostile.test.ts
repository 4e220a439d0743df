// Hostile input at the command line (issue 10, the CLI's part): input read with its size checked
// while reading; no control character from an input reaches a terminal raw in any format; nothing
// printed is unbounded; errors in JSON as JSON; the page's decoding; empty input is no pass.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../rules/index.ts';
import { runCli } from './fake-io.ts';
import { MAX_PRINTED_CHARS, guardStream, printable, safeJson, visible } from './safe-text.ts';

/** An endless stream of zeros, like /dev/zero, that counts what was taken from it and whether it was closed. */
function devZero() {
  const seen = { bytes: 0, closed: false };
  async function* zeros(): AsyncGenerator<Uint8Array> {
    try {
      const chunk = new Uint8Array(65536);
      for (;;) {
        await Promise.resolve();
        seen.bytes += chunk.length;
        yield chunk;
      }
    } finally {
      seen.closed = true;
    }
  }
  return { seen, stream: zeros };
}

// Anything a terminal would act on: C0 controls but newline and tab, DEL, C1 controls (U+009B is
// CSI on its own), bidi overrides and isolates.
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

describe('input size is checked while reading', () => {
  it('an endless standard input stops at the limit and is closed; nothing past it is read', async () => {
    const zero = devZero();
    const r = await runCli(['check', '-'], { stdin: zero.stream() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'rancher-arch: <stdin>: input is more than 5 MB (reading stopped there); the checker holds a file whole while it reads it; plans, cluster files and Terraform modules even for the largest documented installation fit well within that. Past that size only a kubectl get nodes list is read on, node by node; this is not one: it contains NUL bytes, as binary files do.\n',
    );
    expect(zero.seen.bytes).toBeGreaterThan(LIMITS.inputBytes);
    expect(zero.seen.bytes).toBeLessThanOrEqual(LIMITS.inputBytes + 65536);
    expect(zero.seen.closed).toBe(true);
  });

  it('so does an endless file, and the other files are still checked', async () => {
    const zero = devZero();
    const plan = 'clusters:\n  - {name: a, nodes: [{name: n1, roles: [etcd, controlplane, worker]}]}\n';
    const r = await runCli(['check', 'zero', 'plan.yaml', '--format', 'json'], { files: { zero: zero.stream, 'plan.yaml': plan } });
    expect(r.code).toBe(2);
    expect(zero.seen.bytes).toBeLessThanOrEqual(LIMITS.inputBytes + 65536);
    expect(zero.seen.closed).toBe(true);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toEqual([
      expect.objectContaining({
        file: 'zero',
        reason: expect.stringMatching(/^input is more than 5 MB \(reading stopped there\); the checker holds a file whole/),
      }),
    ]);
    expect(out.inputs[1]).toMatchObject({ file: 'plan.yaml', format: 'plan' });
  });

  it('a file just under the limit is read (and refused for what it is, not its size)', async () => {
    const r = await runCli(['check', 'big.json'], { files: { 'big.json': `[${' '.repeat(LIMITS.inputBytes - 3)}]` } });
    expect(r.code).toBe(2);
    // Read to the end and parsed: the refusal is about what the file holds (an empty list).
    expect(r.stderr).toMatch(/^rancher-arch: big\.json: could not tell what this is \(found a list\)/);
    expect(r.stderr).not.toMatch(/more than 5 MB/);
  });

  it('the config file has its own, smaller limit', async () => {
    const zero = devZero();
    const r = await runCli(['check', 'x.yaml'], { files: { '.rancher-arch.yaml': zero.stream } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^rancher-arch: \.rancher-arch\.yaml: input is more than 0\.25 MB; reading stopped there/);
    expect(zero.seen.bytes).toBeLessThanOrEqual(256 * 1024 + 65536);
  });
});

describe('no control character from an input reaches the terminal raw', () => {
  // The name: clear the screen, retitle the terminal, ring the bell.
  const evil = 'evil\u001b[2J\u001b]0;pwned\u0007';
  const formats = ['text', 'json', 'sarif', 'junit', 'markdown'];

  async function everyFormat(args: string[], world: Parameters<typeof runCli>[1]) {
    const runs = [];
    for (const format of formats) runs.push({ format, ...(await runCli([...args, '--format', format, '--show-waived'], world)) });
    return runs;
  }

  it('a file name with ESC and BEL', async () => {
    const name = `${evil}.yml`;
    const files = { [name]: 'nodes:\n  - {address: 10.0.0.1, user: rke, role: [etcd, controlplane, worker]}\n' };
    for (const r of await everyFormat(['check', name], { files })) {
      expect(r.stdout, r.format).not.toMatch(RAW_CONTROL);
      expect(r.stderr, r.format).not.toMatch(RAW_CONTROL);
      expect(r.stdout, r.format).toMatch(/evil\\+u001b/);
    }
    const missing = await runCli(['check', `missing-${evil}`]);
    expect(missing.stderr).toBe('rancher-arch: missing-evil\\u001b[2J\\u001b]0;pwned\\u0007: no such file, and no file matches it as a pattern\n');
  });

  it('a name in a plan is refused, and the message shows the character without sending it', async () => {
    const plan = `clusters:\n  - name: ${JSON.stringify(evil)}\n    nodes: [{name: n1, roles: [etcd]}]\n`;
    for (const r of await everyFormat(['check', '-'], { stdin: plan })) {
      expect(r.code, r.format).toBe(2);
      expect(r.stdout + r.stderr, r.format).not.toMatch(RAW_CONTROL);
    }
    const text = await runCli(['check', '-'], { stdin: plan });
    expect(text.stderr).toMatch(/clusters\[0\]\.name: contains a control character \(U\+001B\)/);
  });

  it('a message that quotes input (an unknown role with C1 CSI and a bidi override)', async () => {
    const cluster = 'nodes:\n  - address: 10.0.0.1\n    user: rke\n    role: [etcd, controlplane, worker, "\\u009b2J\\u202eok"]\n';
    for (const r of await everyFormat(['check', 'cluster.yml'], { files: { 'cluster.yml': cluster } })) {
      expect(r.code, r.format).toBe(1);
      expect(r.stdout, r.format).not.toMatch(RAW_CONTROL);
      expect(r.stdout, r.format).toMatch(/u009b2J/);
    }
    // JSON stays JSON, with the same value.
    const json = await runCli(['check', 'cluster.yml', '--format', 'json'], { files: { 'cluster.yml': cluster } });
    expect(JSON.parse(json.stdout).findings.find((f: { rule: string }) => f.rule === 'rke-config-valid').message).toContain('"\u009b2J\u202eok"');
  });

  it('a duplicate key named with escapes (a reader warning)', async () => {
    const cluster = `nodes:\n  - address: 10.0.0.1\n    user: rke\n    role: [etcd, controlplane, worker]\n    labels:\n      "${'\\e[2J'}": a\n      "${'\\e[2J'}": b\n`;
    const r = await runCli(['check', 'cluster.yml'], { files: { 'cluster.yml': cluster } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('rancher-arch: warning: cluster.yml:7:7: key "\\u001b[2J" appears twice in one mapping; the last value is used.\n');
  });

  it('the stream guard escapes anything that slips past, keeping only our own colour codes', () => {
    expect(guardStream(`a${evil}\n\tb`, false)).toBe('aevil\\u001b[2J\\u001b]0;pwned\\u0007\n\tb');
    expect(guardStream('\u001b[31merror\u001b[0m \u001b]0;x\u0007', true)).toBe('\u001b[31merror\u001b[0m \\u001b]0;x\\u0007');
    expect(guardStream('\u001b[31merror\u001b[0m', false)).toBe('\\u001b[31merror\\u001b[0m');
    expect(visible('a\nb\u2028c\u202ed')).toBe('a\\nb\\u2028c\\u202ed');
    expect(JSON.parse(safeJson({ s: '\u009b\u202e\u0007' }))).toEqual({ s: '\u009b\u202e\u0007' });
    expect(safeJson({ s: '\u009b\u202e' })).not.toMatch(RAW_CONTROL);
  });
});

describe('nothing printed is unbounded', () => {
  it('200,000 unknown keys: one short error line, in text and JSON', { timeout: 60_000 }, async () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `"k${i}": 1`).join(',');
    const input = `{"clusters": [{"name": "a", "nodes": [{"name": "n1", "roles": ["etcd"]}]}], ${keys}}`;
    const r = await runCli(['check', 'big.json'], { files: { 'big.json': input } });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr.length).toBeLessThan(400);
    expect(r.stderr).toMatch(/unknown fields "k0", "k1", .* and 199,990 more/);
    const json = await runCli(['check', 'big.json', '--format', 'json'], { files: { 'big.json': input } });
    expect(json.stdout.length).toBeLessThan(2000);
  });

  it('10,000 duplicate keys: the first warnings, then a count, in every format', { timeout: 60_000 }, async () => {
    const labels = Array.from({ length: 5_000 }, (_, i) => `      k${i}: a\n      k${i}: b\n`).join('');
    const cluster = `nodes:\n  - address: 10.0.0.1\n    user: rke\n    role: [etcd, controlplane, worker]\n    labels:\n${labels}`;
    const r = await runCli(['check', 'cluster.yml'], { files: { 'cluster.yml': cluster } });
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines.at(-1)).toBe('rancher-arch: warning: cluster.yml: 4,980 more warnings like these.');
    // The documents keep 20 warnings and a count, never all 10,000 (SARIF also lists every rule).
    for (const format of ['json', 'sarif']) {
      const out = await runCli(['check', 'cluster.yml', '--format', format], { files: { 'cluster.yml': cluster } });
      expect(out.stdout.match(/appears twice in one mapping/g)?.length, format).toBe(20);
      expect(out.stdout, format).toMatch(format === 'json' ? /"warningsOmitted": 4980/ : /4980 more warnings like these/);
    }
  });

  it('one very long value is cut with a note', () => {
    const cut = printable('x'.repeat(MAX_PRINTED_CHARS + 500));
    expect(cut).toHaveLength(MAX_PRINTED_CHARS + '… (500 more characters)'.length);
    expect(cut.endsWith('… (500 more characters)')).toBe(true);
  });
});

describe('the same decoding as the page', () => {
  const plan = 'clusters:\n  - {name: café, nodes: [{name: n1, roles: [etcd, controlplane, worker]}]}\n';
  const utf16 = (text: string, bom: number[], le: boolean) => {
    const out = new Uint8Array(bom.length + text.length * 2);
    out.set(bom);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[bom.length + 2 * i] = le ? c & 0xff : c >> 8;
      out[bom.length + 2 * i + 1] = le ? c >> 8 : c & 0xff;
    }
    return out;
  };

  it('UTF-8 with or without a byte-order mark, UTF-16 LE or BE with one: the same plan', async () => {
    const inputs = {
      utf8: new TextEncoder().encode(plan),
      'utf8-bom': new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(plan)]),
      'utf16-le': utf16(plan, [0xff, 0xfe], true),
      'utf16-be': utf16(plan, [0xfe, 0xff], false),
    };
    for (const [name, bytes] of Object.entries(inputs)) {
      const r = await runCli(['check', '-', '--format', 'json'], { stdin: bytes });
      // The name "café" is not a valid name (é): the same refusal for every encoding shows they decode alike.
      expect(r.code, name).toBe(2);
      expect(JSON.parse(r.stdout).errors[0].reason, name).toMatch(/contains "é"/);
    }
    const ascii = plan.replace('café', 'cafe');
    const [fromUtf8, fromUtf16] = await Promise.all(
      [new TextEncoder().encode(ascii), utf16(ascii, [0xff, 0xfe], true)].map(
        async (bytes) =>
          JSON.parse((await runCli(['check', '-', '--format', 'json'], { stdin: bytes })).stdout) as { inputs: { format: string }[]; findings: unknown[] },
      ),
    );
    expect(fromUtf8?.inputs[0]?.format).toBe('plan');
    expect(fromUtf8?.findings.length).toBeGreaterThan(0);
    expect(fromUtf16?.findings).toEqual(fromUtf8?.findings);
  });

  it('bytes that are not text are refused with the page’s message', async () => {
    const r = await runCli(['check', '-'], { stdin: new Uint8Array([0x63, 0x3a, 0x20, 0xc3, 0x28, 0x0a]) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('rancher-arch: <stdin>: input is not UTF-8 text. Save the file as UTF-8 (or UTF-16 with a byte-order mark).\n');
  });
});

describe('empty input is not a pass', () => {
  const cases: [string, string, RegExp][] = [
    ['an empty file', '', /input is empty: nothing to check/],
    ['only whitespace', '  \n\n', /input is empty: nothing to check/],
    ['a plan with no clusters', '{"clusters": []}', /nothing to check: the input lists no clusters/],
    ['a kubectl List with no items', '{"apiVersion": "v1", "kind": "List", "items": []}', /nothing to check/],
    ['a cluster with no nodes', 'clusters: [{name: a}]\n', /nothing to check: the input lists no nodes/],
  ];
  for (const [what, input, message] of cases)
    it(what, async () => {
      const r = await runCli(['check', '-'], { stdin: input });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      const json = await runCli(['check', '-', '--format', 'json'], { stdin: input });
      expect(json.code).toBe(2);
      expect(JSON.parse(json.stdout).errors[0].reason).toMatch(message);
    });
});
