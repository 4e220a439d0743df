// SVG drawing of a laid-out figure. Plain JSX from numbers: no browser APIs, no effects, no
// state, so it renders the same with renderToStaticMarkup at build time and inside an island.
// The SVG's width and height are its viewBox in CSS pixels: diagrams never scale down.
import type { ReactNode } from 'react';
import type { Figure } from './figures/index.ts';
import { FONT, linkPath, tagWidth, severityPath, type ClusterBox, type Link, type MoreBox, type NodeBox, type Shape, type TextLine } from './layout/index.ts';
import { markClasses } from './model.ts';
import { ROLE_TEXT } from '../rules/vocabulary.ts';
import { listNames } from '../rules/words.ts';

const cls = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

export function Text({ line }: { line: TextLine }) {
  return (
    <text x={line.x} y={line.y} fontSize={line.size} textAnchor={line.anchor} className={line.className}>
      {line.text !== line.full && <title>{line.full}</title>}
      {line.text}
    </text>
  );
}

export function LinkPath({ link, arrowId }: { link: Link; arrowId: string }) {
  return <path d={linkPath(link)} className={link.className} markerEnd={link.arrow ? `url(#${arrowId})` : undefined} />;
}

function cylinderBody(s: Shape): string {
  const rx = s.width / 2;
  const ry = 7;
  return `M${s.x},${s.y + ry}v${s.height - 2 * ry}a${rx},${ry} 0 0 0 ${s.width},0v${-(s.height - 2 * ry)}a${rx},${ry} 0 0 0 ${-s.width},0z`;
}

export function ShapeView({ shape }: { shape: Shape }) {
  const body =
    shape.kind === 'cylinder' ? (
      <>
        <path d={cylinderBody(shape)} className="rd-shape-body" />
        <ellipse cx={shape.x + shape.width / 2} cy={shape.y + 7} rx={shape.width / 2} ry={7} className="rd-shape-body" />
      </>
    ) : (
      <rect
        x={shape.x}
        y={shape.y}
        width={shape.width}
        height={shape.height}
        rx={shape.kind === 'client' ? Math.min(16, shape.height / 2) : 6}
        className="rd-shape-body"
      />
    );
  return (
    <g className={cls('rd-shape', `rd-${shape.kind}`, shape.className)} data-shape={shape.id} data-part={shape.part}>
      {shape.part && <title>{shapeTooltip(shape)}</title>}
      {body}
      {shape.lines.map((l, i) => (
        <Text key={i} line={l} />
      ))}
      {shape.crossed && <Cross x={shape.x} y={shape.y} width={shape.width} height={shape.height} />}
    </g>
  );
}

function Cross({ x, y, width, height }: { x: number; y: number; width: number; height: number }) {
  return <path d={`M${x + 4},${y + 4}L${x + width - 4},${y + height - 4}M${x + width - 4},${y + 4}L${x + 4},${y + height - 4}`} className="rd-cross" />;
}

function shapeTooltip(s: Shape): string {
  return [...new Set(s.lines.map((l) => l.full))].join(' · ');
}

function nodeTooltip(n: NodeBox): string {
  const parts = [n.name, n.roles.length ? n.roles.map((r) => ROLE_TEXT[r].name).join(', ') : 'no role'];
  if (n.address) parts.push(n.address);
  if (n.zone) parts.push(`zone ${n.zone}`);
  if (n.tags.includes('LB')) parts.push('load-balancer target');
  if (n.tags.includes('ACE')) parts.push('authorized endpoint target');
  if (n.marks.failed) parts.push('failed');
  for (const f of n.marks.findings) parts.push(`${f.severity}: ${f.message}`);
  return parts.join(' · ');
}

export function NodeView({ node: n, arrowId }: { node: NodeBox; arrowId: string }) {
  const icon = n.marks.severity;
  const statusY = n.y + n.height - 9;
  return (
    <g
      className={cls('rd-node', ...markClasses(n.marks), n.tags.includes('LB') && 'is-lb-target', n.tags.includes('ACE') && 'is-ace-target')}
      data-node={n.key}
    >
      <title>{nodeTooltip(n)}</title>
      <rect x={n.x} y={n.y} width={n.width} height={n.height} rx={6} className="rd-node-box" />
      <text x={n.x + 8} y={n.y + 18} fontSize={FONT.text} className="rd-node-name">
        {n.label}
      </text>
      {n.roles.map((r, i) => (
        <g key={r} className={`rd-role rd-role-${r}`}>
          <rect x={n.x + 8 + i * 19} y={n.y + 25} width={17} height={15} rx={3} />
          <text x={n.x + 16.5 + i * 19} y={n.y + 36.5} fontSize={FONT.badge} textAnchor="middle">
            {ROLE_TEXT[r].letter}
          </text>
        </g>
      ))}
      {n.showTags && (
        <text x={n.x + n.width - 8} y={n.y + 36.5} fontSize={FONT.badge} textAnchor="end" className="rd-tag">
          {n.tags.join(' ')}
        </text>
      )}
      {n.innerLinks.map((l) => (
        <LinkPath key={l.id} link={l} arrowId={arrowId} />
      ))}
      {n.inner.map((s) => (
        <ShapeView key={s.id} shape={s} />
      ))}
      {icon && (
        <path
          d={severityPath(icon, 56)}
          transform={`translate(${n.x + 13},${statusY - 3.5})${icon === 'error' ? ' rotate(45)' : ''}`}
          className={`rd-sev rd-sev-${icon}`}
        />
      )}
      <text x={n.x + (icon ? 22 : 8)} y={statusY} fontSize={FONT.badge} className="rd-status">
        {n.status}
      </text>
      {n.marks.failed && <Cross x={n.x} y={n.y} width={n.width} height={n.height} />}
    </g>
  );
}

function MoreView({ more }: { more: MoreBox }) {
  return (
    <g className="rd-more" data-more={more.key}>
      <title>{`${more.count} more: ${listNames(more.hidden, 40)}`}</title>
      <rect x={more.x} y={more.y} width={more.width} height={more.height} rx={6} className="rd-more-box" />
      {more.lines.map((l, i) => (
        <Text key={i} line={l} />
      ))}
    </g>
  );
}

/** Cluster outlines are drawn first, links next, then the cluster contents over both. */
export function ClusterFrame({ cluster: c }: { cluster: ClusterBox }) {
  return (
    <rect
      x={c.x}
      y={c.y}
      width={c.width}
      height={c.height}
      rx={10}
      className={cls('rd-cluster-box', c.purpose === 'rancher' && 'is-rancher', c.severity && `has-${c.severity}`)}
      data-frame={c.name}
    />
  );
}

export function ClusterView({ cluster: c, arrowId }: { cluster: ClusterBox; arrowId: string }) {
  return (
    <g className={cls('rd-cluster', c.purpose === 'rancher' && 'is-rancher', c.severity && `has-${c.severity}`)} data-cluster={c.name}>
      {c.links.map((l) => (
        <LinkPath key={l.id} link={l} arrowId={arrowId} />
      ))}
      {c.header.map((l, i) => (
        <Text key={i} line={l} />
      ))}
      {c.groups.map((g) => (
        <g key={g.signature} className="rd-group" data-group={g.key}>
          {g.label.map((l, i) => (
            <Text key={i} line={l} />
          ))}
          {g.nodes.map((n) => (
            <NodeView key={n.key} node={n} arrowId={arrowId} />
          ))}
          {g.more && <MoreView more={g.more} />}
        </g>
      ))}
      {c.shapes.map((s) => (
        <ShapeView key={s.id} shape={s} />
      ))}
    </g>
  );
}

function LegendView({ figure }: { figure: Figure }) {
  return (
    <g className="rd-legend" aria-hidden="true">
      {figure.legend.items.map((item) => {
        const { x, y } = item;
        const label = (dx: number) => (
          <text x={x + dx} y={y} fontSize={FONT.small} className="rd-muted">
            {item.label}
          </text>
        );
        switch (item.kind) {
          case 'role':
            return (
              <g key={`role-${item.role}`}>
                <g className={`rd-role rd-role-${item.role}`}>
                  <rect x={x} y={y - 12} width={17} height={15} rx={3} />
                  <text x={x + 8.5} y={y - 0.5} fontSize={FONT.badge} textAnchor="middle">
                    {ROLE_TEXT[item.role].letter}
                  </text>
                </g>
                {label(22)}
              </g>
            );
          case 'tag':
            return (
              <g key={`tag-${item.tag}`}>
                <text x={x} y={y} fontSize={FONT.badge} className="rd-tag">
                  {item.tag}
                </text>
                {label(tagWidth(item.tag) + 6)}
              </g>
            );
          case 'link':
            return (
              <g key={`link-${item.className}`}>
                <path d={`M${x},${y - 4}h24`} className={item.className} />
                {label(30)}
              </g>
            );
          case 'mark':
            return (
              <g key={`mark-${item.mark}`}>
                {item.mark === 'failed' ? (
                  <Cross x={x - 4} y={y - 15} width={22} height={22} />
                ) : (
                  <path
                    d={severityPath(item.mark, 56)}
                    transform={`translate(${x + 7},${y - 4})${item.mark === 'error' ? ' rotate(45)' : ''}`}
                    className={`rd-sev rd-sev-${item.mark}`}
                  />
                )}
                {label(20)}
              </g>
            );
        }
      })}
    </g>
  );
}

/** Safe for url(#…) references and CSS: React ids may hold characters such as ":" or "«". */
export const cleanId = (id: string): string => `rd${id.replace(/[^A-Za-z0-9_-]/g, '')}`;

export function FigureSvg({
  figure,
  id,
  title,
  description,
  children,
}: {
  figure: Figure;
  id: string;
  title: string;
  description: string;
  children?: ReactNode;
}) {
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const arrowId = `${id}-arrow`;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${figure.width} ${figure.height}`}
      width={figure.width}
      height={figure.height}
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
      className="rd-svg"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      <defs>
        <marker id={arrowId} viewBox="0 0 10 10" refX={9} refY={5} markerWidth={7} markerHeight={7} orient="auto-start-reverse">
          <path d="M0,0L10,5L0,10z" className="rd-arrowhead" />
        </marker>
      </defs>
      {figure.clusters.map((c) => (
        <ClusterFrame key={c.name} cluster={c} />
      ))}
      {figure.links.map((l) => (
        <LinkPath key={l.id} link={l} arrowId={arrowId} />
      ))}
      {figure.clusters.map((c) => (
        <ClusterView key={c.name} cluster={c} arrowId={arrowId} />
      ))}
      {figure.shapes.map((s) => (
        <ShapeView key={s.id} shape={s} />
      ))}
      {figure.notes.map((t, i) => (
        <Text key={i} line={t} />
      ))}
      <LegendView figure={figure} />
      {children}
    </svg>
  );
}
