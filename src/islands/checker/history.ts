// Undo and redo for every change to the plan — edits, imports, presets, links and removals alike —
// around the checker's reducer (state.ts). Each step keeps the whole state before it (plans are
// immutable and share their unchanged parts, so a step costs little) and words for what it did.
// The what-if marks (failed nodes) are not part of the plan: undo leaves them as they are.
// Typing in one field within a moment counts as one step, so undo does not go letter by letter.
import { PRESETS } from '../../rules/presets.ts';
import { checkerReducer, initialState, type Action, type CheckerState } from './state.ts';

export interface Step {
  state: CheckerState;
  /** What the step did, in words: "removing node cp-2". */
  label: string;
}

export interface History {
  past: Step[];
  present: CheckerState;
  future: Step[];
  /** The last step's field and time, to merge typing in one field into one step. */
  typing?: { key: string; at: number };
  /** What the last undo or redo did, for the status line; cleared by the next change. */
  announcement?: string;
}

export type HistoryAction = Action | { type: 'undo' } | { type: 'redo' };

/** Steps kept; older ones are forgotten. */
export const MAX_STEPS = 200;
/** Typing in one field with pauses shorter than this is one step. */
export const TYPING_MS = 1500;

export function initialHistory(state: CheckerState = initialState()): History {
  return { past: [], present: state, future: [] };
}

const WHAT_IF_ONLY = new Set<Action['type']>(['toggle-failed', 'set-failed', 'clear-failed']);

/** Fields typed into: edits to the same one in quick succession merge. */
function typingKey(action: Action): string | undefined {
  switch (action.type) {
    case 'rename-cluster':
      return `cluster-name:${action.cluster}`;
    case 'rename-node':
    case 'set-address':
    case 'set-zone':
      return `${action.type}:${action.cluster}:${action.node}`;
    case 'set-rancher':
      return action.rancher && ('version' in action.rancher || 'host' in action.rancher) ? `rancher:${Object.keys(action.rancher).join()}` : undefined;
    case 'set-load-balancer':
      return action.patch && 'ports' in action.patch ? `ports:${action.cluster}` : undefined;
    case 'set-endpoint':
      return action.patch && 'fqdn' in action.patch ? `fqdn:${action.cluster}` : undefined;
    default:
      return undefined;
  }
}

/** What an action does to `state`, in words for "Undo: …" and the status line. */
export function describeAction(action: Action, state: CheckerState): string {
  const cluster = 'cluster' in action && typeof action.cluster === 'number' ? state.plan.clusters[action.cluster] : undefined;
  const node = cluster && 'node' in action ? cluster.nodes[action.node] : undefined;
  const c = cluster ? `cluster ${cluster.name}` : 'the cluster';
  const n = node ? `node ${node.name}` : 'the node';
  switch (action.type) {
    case 'load-preset':
      return `loading the preset “${PRESETS[action.preset].label}”`;
    case 'replace-plan':
      return action.label ?? 'replacing the plan';
    case 'set-rancher':
      return action.rancher === undefined ? 'removing the Rancher server' : 'the Rancher server settings';
    case 'add-cluster':
      return 'adding a cluster';
    case 'remove-cluster':
      return `removing ${c}`;
    case 'rename-cluster':
      return `renaming ${c}`;
    case 'update-cluster':
      return `the settings of ${c}`;
    case 'set-distribution':
      return `the distribution of ${c}`;
    case 'set-load-balancer':
      return `the load balancer of ${c}`;
    case 'set-endpoint':
      return `the authorized endpoint of ${c}`;
    case 'add-nodes':
      return `adding nodes to ${c}`;
    case 'remove-node':
      return `removing ${n}`;
    case 'rename-node':
      return `renaming ${n}`;
    case 'set-address':
      return `the address of ${n}`;
    case 'set-zone':
      return `the zone of ${n}`;
    case 'toggle-role':
      return `the ${action.role} role of ${n}`;
    case 'toggle-failed':
    case 'set-failed':
    case 'clear-failed':
      return 'the failed nodes';
  }
}

export function historyReducer(history: History, action: HistoryAction): History {
  const { past, present, future } = history;
  if (action.type === 'undo') {
    const step = past.at(-1);
    if (!step) return history;
    return {
      past: past.slice(0, -1),
      present: { ...step.state, failed: present.failed },
      future: [...future, { state: present, label: step.label }],
      announcement: `Undone: ${step.label}.`,
    };
  }
  if (action.type === 'redo') {
    const step = future.at(-1);
    if (!step) return history;
    return {
      past: [...past, { state: present, label: step.label }],
      present: { ...step.state, failed: present.failed },
      future: future.slice(0, -1),
      announcement: `Redone: ${step.label}.`,
    };
  }
  const next = checkerReducer(present, action);
  if (next === present) return history;
  if (WHAT_IF_ONLY.has(action.type)) return { ...history, present: next, announcement: undefined };
  const key = typingKey(action);
  const now = Date.now();
  // More typing in the field the last step came from: that step now ends here.
  if (key !== undefined && history.typing?.key === key && now - history.typing.at < TYPING_MS && past.length > 0 && future.length === 0)
    return { past, present: next, future: [], typing: { key, at: now } };
  const step: Step = { state: present, label: describeAction(action, present) };
  return {
    past: [...past.slice(-(MAX_STEPS - 1)), step],
    present: next,
    future: [],
    typing: key === undefined ? undefined : { key, at: now },
  };
}
