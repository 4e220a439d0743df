// Every row boundary of every Rancher server table, per version and distribution, written out
// by hand from SIZING-AND-PORTS.md §1–2 (not computed from tables.ts), so a wrong number in the
// data fails here.
import { describe, expect, it } from 'vitest';
import { estimateRoleBindings, ROLEBINDING_THRESHOLD } from './rolebindings.ts';
import { compareMachine, eraOf, isShort, serverRowFor, sizeFor, type SizingTarget } from './size.ts';
import { SERVER_TABLE_LIST } from './tables.ts';
import { rancherTableSources } from './sources.ts';

/** size is the row's name, or 'beyond' past the largest row. */
type Expect = [clusters: number, nodes: number, size: string, cpu?: number, memoryGB?: number];

function pin(version: string, target: SizingTarget, table: string, cases: Expect[]) {
  for (const [clusters, nodes, size, cpu, memoryGB] of cases) {
    const r = sizeFor({ version, target, clusters, nodes });
    const where = `${target} ${version}: ${clusters} clusters, ${nodes} nodes`;
    expect(r.table.id, where).toBe(table);
    if (size === 'beyond') {
      expect(r.beyond, where).toBe(true);
      expect(r.row, where).toBeUndefined();
    } else {
      expect(r.beyond, where).toBe(false);
      expect(r.row && [r.row.size, r.row.cpu, r.row.memoryGB], where).toEqual([size, cpu, memoryGB]);
    }
  }
}

/** The 2.4–2.7 RKE / hosted / K3s rows (§1b). */
const ROWS_24: Expect[] = [
  [150, 1500, 'Small', 2, 8],
  [151, 1, 'Medium', 4, 16],
  [1, 1501, 'Medium', 4, 16],
  [300, 3000, 'Medium', 4, 16],
  [301, 1, 'Large', 8, 32],
  [1, 3001, 'Large', 8, 32],
  [500, 5000, 'Large', 8, 32],
  [501, 1, 'X-Large', 16, 64],
  [1, 5001, 'X-Large', 16, 64],
  [1000, 10_000, 'X-Large', 16, 64],
  [1001, 1, 'XX-Large', 32, 128],
  [1, 10_001, 'XX-Large', 32, 128],
  [2000, 20_000, 'XX-Large', 32, 128],
  [2001, 1, 'beyond'],
  [1, 20_001, 'beyond'],
];

/** The October 2023 rows, identical for RKE2, K3s, hosted and RKE (§1c). */
const REVISED: Expect[] = [
  [0, 0, 'Small', 4, 16],
  [150, 1500, 'Small', 4, 16],
  [151, 1, 'Medium', 8, 32],
  [1, 1501, 'Medium', 8, 32],
  [300, 3000, 'Medium', 8, 32],
  [301, 1, 'Large', 16, 64],
  [1, 3001, 'Large', 16, 64],
  [500, 5000, 'Large', 16, 64],
  [501, 1, 'beyond'],
  [1, 5001, 'beyond'],
];

describe('Rancher server tables, row by row', () => {
  it('before 2.4 (RKE): 5/50, 15/200, 50/500, 100/1000, then contact Rancher', () => {
    const rows: Expect[] = [
      [5, 50, 'Small', 2, 8],
      [6, 1, 'Medium', 4, 16],
      [1, 51, 'Medium', 4, 16],
      [15, 200, 'Medium', 4, 16],
      [16, 1, 'Large', 8, 32],
      [1, 201, 'Large', 8, 32],
      [50, 500, 'Large', 8, 32],
      [51, 1, 'X-Large', 32, 128],
      [1, 501, 'X-Large', 32, 128],
      [100, 1000, 'X-Large', 32, 128],
      [101, 1, 'beyond'],
      [1, 1001, 'beyond'],
    ];
    for (const v of ['2.0', '2.3.9']) pin(v, 'rke', 'rke-before-2.4', rows);
    expect(sizeFor({ version: '2.3', target: 'rke', clusters: 101, nodes: 1 }).table.contactStated).toBe(true);
    // Before 2.4 Rancher ran only on RKE: any other distribution reads the same table, with a note.
    const k3s = sizeFor({ version: '2.3', target: 'k3s', clusters: 1, nodes: 1 });
    expect(k3s.table.id).toBe('rke-before-2.4');
    expect(k3s.notes.join(' ')).toMatch(/only on RKE/);
  });

  it('2.4 and 2.5: RKE and hosted share the 150/1,500-per-2-vCPU table', () => {
    for (const v of ['2.4.0', '2.5.16']) for (const t of ['rke', 'eks', 'aks', 'gke', 'other'] as const) pin(v, t, 'rke-2.4', ROWS_24);
  });

  it('2.4 and 2.5: K3s has the same rows plus a 2 vCPU, 4 GB, 1,000 IOPS database on every row', () => {
    for (const v of ['2.4.0', '2.5.8']) {
      pin(v, 'k3s', 'k3s-2.4', ROWS_24);
      for (const [c, n] of [
        [1, 1],
        [2000, 20_000],
      ] as const)
        expect(sizeFor({ version: v, target: 'k3s', clusters: c, nodes: n }).row?.database).toEqual({ cpu: 2, memoryGB: 4, iops: 1000 });
    }
  });

  it('2.4 and 2.5: past 2,000 clusters or 20,000 nodes the RKE (and hosted) and K3s tables send you to Rancher; RKE2 and Docker just stop', () => {
    const beyond = (v: string, t: SizingTarget, clusters: number, nodes: number) => sizeFor({ version: v, target: t, clusters, nodes });
    for (const v of ['2.4.0', '2.5.16'])
      for (const t of ['rke', 'eks', 'k3s'] as const)
        for (const [c, n] of [
          [2001, 1],
          [1, 20_001],
        ] as const) {
          const r = beyond(v, t, c, n);
          expect([r.beyond, r.table.contactStated], `${t} ${v}: ${c}/${n}`).toEqual([true, true]);
        }
    expect(beyond('2.5.6', 'rke2', 16, 1).table.contactStated).toBe(false);
    expect(beyond('2.4.8', 'docker', 16, 1).table.contactStated).toBe(false);
  });

  it('2.5.6 – 2.5: RKE2 stops at 15 clusters and 200 nodes (2/5, 3/9)', () => {
    pin('2.5.6', 'rke2', 'rke2-2.5', [
      [5, 50, 'Small', 2, 5],
      [6, 1, 'Medium', 3, 9],
      [1, 51, 'Medium', 3, 9],
      [15, 200, 'Medium', 3, 9],
      [16, 1, 'beyond'],
      [1, 201, 'beyond'],
    ]);
    expect(sizeFor({ version: '2.5.5', target: 'rke2', clusters: 1, nodes: 1 }).notes.join(' ')).toMatch(/from 2\.5\.6/);
    expect(sizeFor({ version: '2.5.6', target: 'rke2', clusters: 1, nodes: 1 }).notes.join(' ')).not.toMatch(/from 2\.5\.6/);
  });

  it('Docker, 2.0 – 2.11 (and after, with a note): 5/50 on 1 vCPU and 4 GB, 15/200 on 2 and 8', () => {
    for (const v of ['2.0', '2.4.8', '2.11.3', '2.15'])
      pin(v, 'docker', 'docker', [
        [5, 50, 'Small', 1, 4],
        [6, 1, 'Medium', 2, 8],
        [1, 51, 'Medium', 2, 8],
        [15, 200, 'Medium', 2, 8],
        [16, 1, 'beyond'],
        [1, 201, 'beyond'],
      ]);
    expect(sizeFor({ version: '2.12', target: 'docker', clusters: 1, nodes: 1 }).notes.join(' ')).toMatch(/dropped the Docker table/);
  });

  it('from 2.6: the October 2023 revision for RKE2, K3s, hosted and RKE', () => {
    for (const v of ['2.6.0', '2.7.9', '2.8', '2.15.1']) {
      pin(v, 'rke2', 'rke2-2023', REVISED);
      pin(v, 'k3s', 'k3s-2023', REVISED);
      for (const t of ['eks', 'aks', 'gke', 'other'] as const) pin(v, t, 'hosted-2023', REVISED);
      pin(v, 'rke', 'rke-2023', REVISED);
    }
  });

  it('the revised K3s table asks for a bigger database host on each row', () => {
    const db = (c: number) => sizeFor({ version: '2.8', target: 'k3s', clusters: c, nodes: 1 }).row?.database;
    expect([db(150), db(151), db(300), db(301), db(500)]).toEqual([
      { cpu: 2, memoryGB: 8, iops: 1000 },
      { cpu: 4, memoryGB: 16, iops: 2000 },
      { cpu: 4, memoryGB: 16, iops: 2000 },
      { cpu: 8, memoryGB: 32, iops: 4000 },
      { cpu: 8, memoryGB: 32, iops: 4000 },
    ]);
  });

  it('past the largest revised row: only the RKE2 table says so itself', () => {
    const beyond = (t: SizingTarget) => sizeFor({ version: '2.9', target: t, clusters: 501, nodes: 1 }).table.contactStated;
    expect([beyond('rke2'), beyond('k3s'), beyond('eks'), beyond('rke')]).toEqual([true, false, false, false]);
  });
});

describe('which table applies', () => {
  it('2.3.x is before 2.4, 2.4 – 2.5 read the 2.4–2.7 tables, 2.6 on the revision', () => {
    expect(['2.0', '2.3.99', '2.4', '2.4.0', '2.5.16', '2.6', '2.7.1', '2.15'].map(eraOf)).toEqual([
      'before-2.4',
      'before-2.4',
      '2.4-2.7',
      '2.4-2.7',
      '2.4-2.7',
      'revised-2023',
      'revised-2023',
      'revised-2023',
    ]);
  });

  it('the 2.4–2.7 RKE and K3s tables were later judged too optimistic, and say what the revision asks', () => {
    const old = sizeFor({ version: '2.5', target: 'k3s', clusters: 6, nodes: 70 });
    expect(old.table.laterJudgedTooOptimistic).toBe(true);
    expect(old.revised?.row && [old.revised.row.cpu, old.revised.row.memoryGB]).toEqual([4, 16]);
    expect(sizeFor({ version: '2.4', target: 'rke', clusters: 1, nodes: 1 }).table.laterJudgedTooOptimistic).toBe(true);
    expect(sizeFor({ version: '2.5.6', target: 'rke2', clusters: 1, nodes: 1 }).table.laterJudgedTooOptimistic).toBeUndefined();
    expect(sizeFor({ version: '2.8', target: 'k3s', clusters: 1, nodes: 1 }).revised).toBeUndefined();
    expect(sizeFor({ version: '2.8', target: 'docker', clusters: 1, nodes: 1 }).table.laterJudgedTooOptimistic).toBeUndefined();
  });

  it('2.6 and 2.7 name the table they shipped with; 2.8 does not', () => {
    const r = sizeFor({ version: '2.7', target: 'rke', clusters: 151, nodes: 1 });
    expect(r.shippedWith?.table.id).toBe('rke-2.4');
    expect(r.shippedWith?.row && [r.shippedWith.row.cpu, r.shippedWith.row.memoryGB]).toEqual([4, 16]);
    expect(sizeFor({ version: '2.6.0', target: 'rke2', clusters: 1, nodes: 1 }).shippedWith?.table.id).toBe('rke2-2.5');
    expect(sizeFor({ version: '2.8.0', target: 'rke', clusters: 1, nodes: 1 }).shippedWith).toBeUndefined();
  });

  it('RKE from 2.12 keeps the 2.11 figures with a note; hosted notes the high-scale caution', () => {
    expect(sizeFor({ version: '2.12', target: 'rke', clusters: 1, nodes: 1 }).notes.join(' ')).toMatch(/2\.12/);
    expect(sizeFor({ version: '2.11', target: 'rke', clusters: 1, nodes: 1 }).notes.join(' ')).not.toMatch(/left Rancher/);
    expect(sizeFor({ version: '2.8', target: 'eks', clusters: 1, nodes: 1 }).notes.join(' ')).toMatch(/discourages hosted Kubernetes/);
  });

  it('every table names a source', () => {
    for (const t of SERVER_TABLE_LIST) expect(rancherTableSources(t.id).length, t.id).toBeGreaterThan(0);
  });
});

describe('machines against a row', () => {
  it('GiB meet GB figure for figure, each dimension judged only when given', () => {
    const row = { cpu: 4, memoryGB: 16 };
    expect(compareMachine({ cpu: 4, memoryGiB: 16 }, row)).toEqual({ cpu: false, memory: false });
    expect(isShort(compareMachine({ cpu: 4, memoryGiB: 15.5 }, row))).toBe(true);
    expect(isShort(compareMachine({ cpu: 3, memoryGiB: 64 }, row))).toBe(true);
    expect(compareMachine({ cpu: 8 }, row)).toEqual({ cpu: false });
    expect(compareMachine({ memoryGiB: 8 }, row)).toEqual({ memory: true });
    expect(compareMachine({}, row)).toBeUndefined();
  });
});

describe('K3s and RKE2 servers against their agents (§2a, §2b)', () => {
  const ask = (d: 'k3s' | 'rke2', agents: number, servers = 1) => {
    const s = serverRowFor(d, agents, servers);
    return [s.row.cpu, s.row.memoryGB];
  };
  it('K3s: 0–350 on 2/4, 351–900 on 4/8, 901–1,800 on 8/16, more on 16/32', () => {
    expect([0, 350, 351, 900, 901, 1800, 1801, 50_000].map((a) => ask('k3s', a, 2))).toEqual([
      [2, 4],
      [2, 4],
      [4, 8],
      [4, 8],
      [8, 16],
      [8, 16],
      [16, 32],
      [16, 32],
    ]);
  });
  it('K3s with three servers carries about half as many again: 525, 1,350, 2,700', () => {
    expect([525, 526, 1350, 1351, 2700, 2701].map((a) => ask('k3s', a, 3))).toEqual([
      [2, 4],
      [4, 8],
      [4, 8],
      [8, 16],
      [8, 16],
      [16, 32],
    ]);
    expect(serverRowFor('k3s', 526, 3)).toMatchObject({ haBonus: true, minAgents: 526, maxAgents: 1350 });
    expect(serverRowFor('k3s', 526, 2)).toMatchObject({ haBonus: false, minAgents: 351, maxAgents: 900 });
  });
  it('RKE2: 0–225 on 2/4, 226–450 on 4/8, 451–1,300 on 8/16, more on 16/32, no bonus for three servers', () => {
    expect([0, 225, 226, 450, 451, 1300, 1301].map((a) => ask('rke2', a, 3))).toEqual([
      [2, 4],
      [2, 4],
      [4, 8],
      [4, 8],
      [8, 16],
      [8, 16],
      [16, 32],
    ]);
    expect(serverRowFor('rke2', 1301, 3).maxAgents).toBeUndefined();
  });
});

describe('RoleBinding estimate', () => {
  it('computes 32C + U + 2UaC + 8P + 5Pa as printed, and the per-project reading beside it', () => {
    const e = estimateRoleBindings({ clusters: 10, users: 100, usersPerCluster: 5, projects: 20, usersPerProject: 3 });
    expect(e.asPrinted).toBe(320 + 100 + 100 + 160 + 15);
    expect(e.perProject).toBe(320 + 100 + 100 + 160 + 300);
    expect(e.threshold).toBe(60_000);
  });
  it('passes the threshold only above 60,000', () => {
    const at = (users: number) => estimateRoleBindings({ clusters: 0, users, usersPerCluster: 0, projects: 0, usersPerProject: 0 });
    expect(at(ROLEBINDING_THRESHOLD).overThreshold).toBe(false);
    expect(at(ROLEBINDING_THRESHOLD + 1).overThreshold).toBe(true);
  });
  it('adds 7C + 2P + 2 per Restricted Admin, and flags when only the per-project reading passes', () => {
    const e = estimateRoleBindings({ clusters: 10, users: 0, usersPerCluster: 0, projects: 20, usersPerProject: 0, restrictedAdmins: 2 });
    expect(e.restrictedAdmins).toBe(2 * (70 + 40 + 2));
    const split = estimateRoleBindings({ clusters: 0, users: 50_000, usersPerCluster: 0, projects: 1000, usersPerProject: 10 });
    expect([split.overThreshold, split.overIfPerProject]).toEqual([false, true]);
  });
});
