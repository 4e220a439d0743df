// The checker's live diagram. It is laid out for the width of its column, measured here, so no
// text shrinks below 11px; a wider drawing scrolls sideways. A click fails or restores a node, a
// load balancer, an external datastore or the Docker host, or opens a collapsed "+N more" group;
// the buttons under it open and close groups from the keyboard (the editor's "Fail" boxes and the
// what-if panel fail things from the keyboard).
import { memo, useLayoutEffect, useRef, useState, type Dispatch, type MouseEvent } from 'react';
import { PlanDiagram } from '../../diagrams/diagrams.tsx';
import { DEFAULT_COLLAPSE, WIDE_WIDTH } from '../../diagrams/layout/index.ts';
import { roleSignature, sortedRoles } from '../../diagrams/model.ts';
import type { NodeRole, Plan } from '../../rules/plan.ts';
import type { Report } from '../../rules/report.ts';
import type { Action } from './state.ts';
import { groupKey } from '../../rules/keys.ts';

/** Narrowest width the diagram is laid out for; a column narrower than this scrolls. */
const SMALLEST = 288;

interface Collapsible {
  key: string;
  cluster: string;
  /** The roles in words, as the "+N more" box says them: "worker", "etcd, controlplane". */
  label: string;
  count: number;
}

/** Role groups big enough to be drawn as a count, in plan order. */
export function collapsibleGroups(plan: Plan, collapseAfter = DEFAULT_COLLAPSE): Collapsible[] {
  const out: Collapsible[] = [];
  for (const c of plan.clusters) {
    const groups = new Map<string, { roles: NodeRole[]; count: number }>();
    for (const n of c.nodes) {
      const roles = sortedRoles(n);
      const sig = roleSignature(roles);
      const g = groups.get(sig);
      if (g) g.count++;
      else groups.set(sig, { roles, count: 1 });
    }
    for (const [sig, g] of groups)
      if (g.count > collapseAfter)
        out.push({ key: groupKey(c.name, sig), cluster: c.name, label: g.roles.length ? g.roles.join(', ') : 'unassigned', count: g.count });
  }
  return out;
}

export const CheckerDiagram = memo(function CheckerDiagram({
  plan,
  report,
  failed,
  highlighted,
  dispatch,
}: {
  plan: Plan;
  report: Report;
  failed: string[];
  highlighted: string[];
  dispatch: Dispatch<Action>;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number>();
  const [expanded, setExpanded] = useState<string[]>([]);

  // Measure before the first paint and whenever the column changes; steps of 8px keep a window
  // being dragged from redrawing on every pixel.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(SMALLEST, Math.floor(el.clientWidth / 8) * 8));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const toggleGroup = (key: string) => setExpanded((old) => (old.includes(key) ? old.filter((k) => k !== key) : [...old, key]));

  // Clicks are a pointer shortcut; the same things are reachable from the keyboard elsewhere.
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const target = e.target as Element;
    const more = target.closest?.('[data-more]')?.getAttribute('data-more');
    const failable = target.closest?.('[data-node], [data-part]');
    const key = failable?.getAttribute('data-node') ?? failable?.getAttribute('data-part');
    if (more) toggleGroup(more);
    else if (key) dispatch({ type: 'toggle-failed', key });
    else return;
    e.stopPropagation();
  };

  const groups = collapsibleGroups(plan);
  return (
    <>
      <div className="rd-live rd-interactive" ref={box} onClick={onClick}>
        <PlanDiagram
          plan={plan}
          report={report}
          failed={failed}
          highlighted={highlighted}
          title="Your plan"
          id="checker-plan"
          maxWidth={width ?? WIDE_WIDTH}
          expanded={expanded}
        />
      </div>
      {groups.length > 0 && (
        <div className="ck-row ck-groups">
          {groups.map((g) => {
            const open = expanded.includes(g.key);
            return (
              <button key={g.key} type="button" className="ck-button ck-small" aria-expanded={open} onClick={() => toggleGroup(g.key)}>
                {open ? `Show fewer ${g.label} nodes in ${g.cluster}` : `Show all ${g.count} ${g.label} nodes in ${g.cluster}`}
              </button>
            );
          })}
        </div>
      )}
    </>
  );
});
