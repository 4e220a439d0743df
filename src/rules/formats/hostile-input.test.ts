// Input written to hurt: sizes, alias bombs, deep nesting, long lines, binary and badly encoded
// bytes, __proto__ keys. Each is refused with a message (or read as plain data), never a hang. How fast
// each refusal is, is measured in npm run bench (bench/rules.ts), not here.
import { expect, it, vi } from 'vitest';
import { inputError } from '../testing/input-error.ts';
import { InputError } from './input-error.ts';
import { readInput, readInputDetailed } from './read.ts';
import { decodeBytes } from './text.ts';

it('refuses a 50 MB input', () => {
  const big = `clusters: []\n#${'x'.repeat(50 * 1024 * 1024)}`;
  const e = inputError(() => readInput(big, { filename: 'big.yml' }));
  expect(e.message).toMatch(/^big\.yml: input is more than 5 MB/);
});

it('refuses a YAML alias bomb', () => {
  const bomb = [
    'a: &a [x, x, x, x, x, x, x, x, x]',
    ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    'clusters: []',
  ].join('\n');
  const e = inputError(() => readInput(bomb));
  expect(e.message).toMatch(/alias/);
});

it('refuses deep nesting, in flow and in JSON', () => {
  for (const deep of ['['.repeat(100_000) + ']'.repeat(100_000), `{"clusters": ${'['.repeat(5000)}${']'.repeat(5000)}}`]) {
    expect(inputError(() => readInput(deep)).message).toMatch(/nesting deeper/);
  }
});

it('refuses deep block nesting', () => {
  const deep = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
  expect(inputError(() => readInput(deep)).message).toMatch(/nesting deeper/);
});

// No time limit of its own (the bench times it); the generous timeout only keeps a busy machine from failing it.
it('reads a mapping with many keys (the duplicate-key check is linear; timed in the bench)', { timeout: 60_000 }, () => {
  const many = Array.from({ length: 40_000 }, (_, i) => `k${i}: ${i}`).join('\n') + '\nk7: again\n';
  const e = inputError(() => readInput(many));
  expect(e.message).toMatch(/could not tell/);
});

/** A plan of the largest documented size (20,000 nodes), written in block YAML as people write it. */
const largestYaml = (bad?: number) => {
  const out = ['rancher:', '  version: 2.8.5', 'clusters:'];
  for (let c = 0; c < 400; c++) {
    out.push(`  - name: c${c}`, '    nodes:');
    for (let n = 0; n < 50; n++) {
      const i = c * 50 + n;
      out.push(`      - name: c${c}-n${n}`, `        address: ${i === bad ? '10.0.0.300' : `10.${c >> 8}.${c & 255}.${n + 1}`}`, '        roles:');
      out.push(...(n < 3 ? ['          - etcd', '          - controlplane'] : ['          - worker']));
    }
  }
  return `${out.join('\n')}\n`;
};

it('reads a YAML plan of the largest documented size (20,000 nodes) as it reads JSON, and still names the line of a problem', () => {
  const text = largestYaml();
  expect(text.length).toBeGreaterThan(1024 * 1024);
  expect(readInput(text).clusters.reduce((n, c) => n + c.nodes.length, 0)).toBe(20_000);
  // Node 15,321 has a bad address: the message points at the line it is written on.
  const bad = largestYaml(15_321);
  const line = bad.split('\n').indexOf('        address: 10.0.0.300') + 1;
  expect(line).toBeGreaterThan(50_000);
  expect(inputError(() => readInput(bad, { filename: 'big.yml' })).message).toMatch(
    new RegExp(`^big\\.yml:${line}:\\d+ clusters\\[306\\]\\.nodes\\[21\\]\\.address`),
  );
});

it('past the detailed reader, bad YAML still gets its place, a duplicate key a warning, an alias bomb a refusal', () => {
  const text = largestYaml();
  const broken = `${text}  - name: [unclosed\n`;
  // The parser finds the unclosed bracket where the text ends, the line after it.
  const lines = broken.split('\n').length;
  expect(inputError(() => readInput(broken, { filename: 'b.yml' })).message).toMatch(new RegExp(`^b\\.yml:${lines}:1: YAML syntax error`));
  const twice = readInputDetailed(text.replace('rancher:\n  version: 2.8.5\n', 'rancher:\n  version: 2.8.5\n  version: 2.9.1\n'));
  expect(twice.plan.rancher?.version).toBe('2.9.1');
  expect(twice.warnings[0]?.place).toBe('3:3');
  expect(twice.warnings[0]?.message).toMatch(/appears twice/);
  const bomb = [
    'a: &a [x, x, x, x, x, x, x, x, x]',
    ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(', ')}]`),
  ].join('\n');
  // 90 aliases, under the parser's count, expanding to 9¹⁰ values: the copy's budget stops it.
  expect(inputError(() => readInput(`${text}${bomb}\n`)).message).toMatch(/alias/);
});

it('refuses very long YAML lines and a second document', () => {
  expect(inputError(() => readInput(`clusters: [${'a, '.repeat(20_000)}]\n`)).message).toMatch(/^1:1: line 1 is \d+ characters long/);
  expect(inputError(() => readInput('clusters: []\n---\nclusters: []\n')).message).toMatch(/^2:1: a second YAML document/);
  // JSON has no such line limit: a long single-line JSON plan reads fine.
  const nodes = Array.from({ length: 4000 }, (_, i) => ({ name: `node-${i}`, address: `10.${i >> 8}.${i & 255}.1`, roles: ['worker'] }));
  const line = JSON.stringify({ clusters: [{ name: 'c', nodes }] });
  expect(line.length).toBeGreaterThan(200_000);
  expect(readInput(line).clusters[0]!.nodes).toHaveLength(4000);
});

it('decodes bytes the same way everywhere: UTF-8 with or without a BOM, UTF-16 with its BOM', () => {
  const text = 'clusters: [{name: ü-not-allowed}]';
  const utf8 = new TextEncoder().encode(text);
  const bom8 = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
  const utf16le = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8])]);
  const utf16be = new Uint8Array([0xfe, 0xff, ...[...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 255])]);
  for (const bytes of [utf8, bom8, utf16le, utf16be]) expect(decodeBytes(bytes)).toBe(text);
  expect(inputError(() => decodeBytes(new Uint8Array([0x63, 0xff, 0x0a]), 'bad.yml')).message).toBe(
    'bad.yml: input is not UTF-8 text. Save the file as UTF-8 (or UTF-16 with a byte-order mark).',
  );
  expect(inputError(() => decodeBytes(new Uint8Array(6 * 1024 * 1024), 'big.bin')).message).toMatch(/^big\.bin: input is more than 5 MB/);
});

it('says JSON does not allow comments, with the line, instead of a YAML syntax error', () => {
  const e = inputError(() => readInput('{\n  "clusters": [] // none yet\n}', { filename: 'c.json' }));
  expect(e.message).toBe('c.json:2:1: JSON does not allow comments. Remove them, or write the file as YAML, where comments start with #.');
});

it('keeps the YAML library quiet: its warnings never reach the console', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const emit = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
  try {
    // A mapping used as a key makes the yaml package warn that it stringifies it.
    expect(() => readInput('? {a: 1}\n: x\nclusters: []\n')).toThrow(InputError);
    expect(warn).not.toHaveBeenCalled();
    expect(emit).not.toHaveBeenCalled();
  } finally {
    warn.mockRestore();
    emit.mockRestore();
  }
});

it('refuses binary garbage', () => {
  const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
  expect(inputError(() => readInput(new TextDecoder().decode(bytes))).message).toMatch(/binary|could not|syntax/);
  expect(inputError(() => readInput('clusters: []\u0000\u0001')).message).toMatch(/NUL bytes/);
});

it('keeps __proto__ keys as data and never pollutes prototypes', () => {
  for (const text of [
    '{"__proto__": {"polluted": 1}, "clusters": []}',
    '__proto__:\n  polluted: 1\nclusters: []\n',
    'nodes:\n  - address: 1.1.1.1\n    user: u\n    role: [worker]\n    __proto__: {polluted: 1}\n',
  ]) {
    try {
      readInput(text);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  }
  expect(inputError(() => readInput('{"__proto__": {"x": 1}, "clusters": []}')).message).toMatch(/unknown field "__proto__"/);
});
