import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRESETS } from '../../rules/presets.ts';
import { historyReducer, initialHistory, MAX_STEPS, TYPING_MS, type History, type HistoryAction } from './history.ts';
import { initialState } from './state.ts';

const run = (h: History, ...actions: HistoryAction[]) => actions.reduce(historyReducer, h);
const rke = () => initialHistory(initialState(PRESETS['rancher-rke'].plan));

afterEach(() => {
  vi.useRealTimers();
});

describe('undo and redo', () => {
  it('undoes and redoes every kind of change, and says what it undid', () => {
    const changes: HistoryAction[] = [
      { type: 'toggle-role', cluster: 0, node: 0, role: 'etcd' },
      { type: 'remove-node', cluster: 0, node: 2 },
      { type: 'remove-cluster', cluster: 0 },
      { type: 'load-preset', preset: 'downstream-production' },
      { type: 'replace-plan', plan: PRESETS['rancher-k3s'].plan, label: 'the import' },
      { type: 'add-cluster' },
      { type: 'set-rancher', rancher: undefined },
    ];
    let h = rke();
    const states = [h.present];
    for (const change of changes) {
      h = run(h, change);
      states.push(h.present);
    }
    for (let i = changes.length - 1; i >= 0; i--) {
      h = run(h, { type: 'undo' });
      expect(h.present.plan).toBe(states[i]!.plan);
    }
    expect(h.announcement).toBe('Undone: the etcd role of node rancher-1.');
    expect(run(h, { type: 'undo' })).toBe(h); // nothing left to undo
    for (let i = 1; i <= changes.length; i++) {
      h = run(h, { type: 'redo' });
      expect(h.present.plan).toBe(states[i]!.plan);
    }
    expect(h.announcement).toBe('Redone: removing the Rancher server.');
    expect(run(h, { type: 'redo' })).toBe(h);
  });

  it('a new change after undo drops the redo steps', () => {
    const h = run(rke(), { type: 'add-cluster' }, { type: 'undo' }, { type: 'toggle-role', cluster: 0, node: 1, role: 'worker' });
    expect(h.future).toEqual([]);
    expect(h.past.map((s) => s.label)).toEqual(['the worker role of node rancher-2']);
  });

  it('refused edits and what-if marks are not steps; undo leaves the marks alone', () => {
    let h = run(rke(), { type: 'rename-node', cluster: 0, node: 0, name: 'rancher-2' }, { type: 'rename-node', cluster: 0, node: 0, name: 'a b' });
    expect(h.past).toEqual([]);
    h = run(h, { type: 'toggle-role', cluster: 0, node: 0, role: 'etcd' }, { type: 'toggle-failed', key: 'rancher/rancher-3' });
    expect(h.past).toHaveLength(1);
    h = run(h, { type: 'undo' });
    expect(h.present.failed).toEqual(['rancher/rancher-3']);
    expect(h.present.plan.clusters[0]!.nodes[0]!.roles).toContain('etcd');
  });

  it('typing in one field is one step; a pause or another field starts the next', () => {
    vi.useFakeTimers();
    let h = rke();
    for (const name of ['r', 'ra', 'rab']) h = run(h, { type: 'rename-node', cluster: 0, node: 0, name });
    expect(h.past).toHaveLength(1);
    h = run(h, { type: 'set-address', cluster: 0, node: 0, address: '10.0.0.7' });
    expect(h.past).toHaveLength(2);
    vi.advanceTimersByTime(TYPING_MS + 1);
    h = run(h, { type: 'set-address', cluster: 0, node: 0, address: '10.0.0.8' });
    expect(h.past).toHaveLength(3);
    h = run(h, { type: 'undo' }, { type: 'undo' }, { type: 'undo' });
    expect(h.present.plan.clusters[0]!.nodes[0]).toEqual(PRESETS['rancher-rke'].plan.clusters[0]!.nodes[0]);
  });

  it('keeps a bounded number of steps', () => {
    let h = rke();
    for (let i = 0; i < MAX_STEPS + 20; i++) h = run(h, { type: 'toggle-role', cluster: 0, node: 0, role: 'etcd' });
    expect(h.past).toHaveLength(MAX_STEPS);
  });
});
