// The Kubernetes releases each Rancher offers, from the ranges derived from Rancher's channel data.
import { describe, expect, it } from 'vitest';
import { KDM_SOURCES, OFFERED } from './kubernetes-versions-data.ts';
import { NEWEST_DATA_LINE, rancherOffers, versionTable } from './kubernetes-versions.ts';

describe('rancherOffers', () => {
  it('yes inside the window, no outside it, with what is offered instead', () => {
    expect(rancherOffers('2.8.5', 'rke2', 'v1.28.10+rke2r1').answer).toBe('yes');
    expect(rancherOffers('2.8.5', 'rke2', 'v1.31.4+rke2r1')).toMatchObject({
      answer: 'no',
      why: 'minor-not-offered',
      offered: ['1.25', '1.26', '1.27', '1.28'],
    });
    // Kubernetes 1.28 arrives with Rancher 2.8.3.
    expect(rancherOffers('2.8.2', 'k3s', 'v1.28.10+k3s1')).toMatchObject({ answer: 'no', why: 'rancher-outside' });
    expect(rancherOffers('2.8.3', 'k3s', 'v1.28.10+k3s1').answer).toBe('yes');
    // A minor that leaves before the end of its line (1.21 stops at 2.6.4).
    expect(rancherOffers('2.6.5', 'rke2', 'v1.21.14+rke2r1')).toMatchObject({ answer: 'no', why: 'rancher-outside' });
    // A line without a patch offers what any of its releases offers.
    expect(rancherOffers('2.8', 'k3s', 'v1.28.10+k3s1').answer).toBe('yes');
  });

  it('unknown past the data: a newer Rancher line, a newer patch, a line the data has no rows for', () => {
    expect(NEWEST_DATA_LINE).toBe('2.10');
    expect(rancherOffers('2.12.1', 'rke2', 'v1.33.1+rke2r1')).toMatchObject({ answer: 'unknown', why: 'rancher-beyond-data' });
    expect(rancherOffers('2.10.3', 'rke2', 'v1.31.9+rke2r1')).toMatchObject({ answer: 'unknown', why: 'release-beyond-data' });
    expect(rancherOffers('2.10.3', 'rke2', 'v1.32.1+rke2r1')).toMatchObject({ answer: 'unknown', why: 'release-beyond-data' });
    expect(rancherOffers('2.4.8', 'rke2', 'v1.18.20+rke2r1')).toMatchObject({ answer: 'unknown', why: 'line-not-in-data' });
  });

  it('the data names its commits and never a line twice', () => {
    for (const s of KDM_SOURCES) expect(s.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(new Set(KDM_SOURCES.map((s) => s.line)).size).toBe(KDM_SOURCES.length);
    expect(new Set(OFFERED.map((r) => r.slice(0, 3).join(' '))).size).toBe(OFFERED.length);
  });

  it("the versions page's table: newest line first, with the gates inside a line", () => {
    const table = versionTable();
    expect(table[0]).toMatchObject({ line: '2.10', rke2: 'v1.28–v1.31', k3s: 'v1.28–v1.31' });
    expect(table.find((r) => r.line === '2.8')).toMatchObject({ rke2: 'v1.25–v1.28 (v1.28 from 2.8.3)' });
  });
});
