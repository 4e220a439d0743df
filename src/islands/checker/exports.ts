// What the checker can hand over: each export is a file name, a media type and a way to make its
// text, or the reason it is not available for this plan. The writers live in src/rules and are
// loaded when a file is first asked for, so they (and the YAML library) cost the page nothing until then.
import type { Plan } from '../../rules/vocabulary.ts';
import { rancherCluster } from '../../rules/cluster-facts.ts';
import type { Report } from '../../rules/report.ts';
import type { DiagramTheme } from '../../diagrams/styles.ts';

export interface ExportItem {
  id: string;
  label: string;
  filename: string;
  mime: string;
  /** Makes the file's text; only called when the reader asks (with the diagram as drawn on the page). */
  content?: (page: PageParts) => Promise<string>;
  /** Why this export is not offered for the current plan. */
  unavailable?: string;
}

/** What only the page has when an export is made: the diagram as rendered. */
export interface PageParts {
  svgMarkup?: string;
}

export interface ExportSources {
  plan: Plan;
  report: Report;
  theme: DiagramTheme;
  /** Absolute URL of the site root, so links in Markdown work outside the site. */
  docsBase?: string;
}

const safeFile = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'cluster';

export function exportItems({ plan, report, theme, docsBase }: ExportSources): ExportItem[] {
  const items: ExportItem[] = [
    {
      id: 'plan-yaml',
      label: 'Plan (YAML)',
      filename: 'plan.yaml',
      mime: 'application/yaml',
      content: async () => (await import('../../rules/formats/plan-file.ts')).toPlanYaml(plan),
    },
  ];
  const rke = plan.clusters.filter((c) => c.distribution === 'rke');
  if (rke.length === 0)
    items.push({ id: 'cluster-yml', label: 'RKE cluster.yml', filename: 'cluster.yml', mime: 'application/yaml', unavailable: 'No RKE cluster in the plan.' });
  for (const c of rke)
    items.push({
      id: `cluster-yml:${c.name}`,
      label: `RKE cluster.yml for “${c.name}”`,
      filename: `${safeFile(c.name)}.cluster.yml`,
      mime: 'application/yaml',
      content: async () => (await import('../../rules/formats/rke-cluster-yml.ts')).toClusterYml(plan, c.name),
    });
  items.push(
    rancherCluster(plan)
      ? {
          id: 'nginx',
          label: 'nginx layer-4 load balancer config',
          filename: 'nginx.conf',
          mime: 'text/plain',
          content: async () => (await import('../../rules/formats/nginx.ts')).toNginxConfig(plan),
        }
      : {
          id: 'nginx',
          label: 'nginx layer-4 load balancer config',
          filename: 'nginx.conf',
          mime: 'text/plain',
          unavailable: 'Needs Rancher installed on a cluster of the plan.',
        },
    {
      id: 'findings-md',
      label: 'Findings (Markdown, for a ticket)',
      filename: 'findings.md',
      mime: 'text/markdown',
      content: async () => (await import('../../rules/markdown.ts')).formatFindingsMarkdown(report, { docsBase }),
    },
    {
      id: 'findings-json',
      label: 'Findings (JSON)',
      filename: 'findings.json',
      mime: 'application/json',
      content: () => Promise.resolve(`${JSON.stringify(report, null, 2)}\n`),
    },
    {
      id: 'diagram-svg',
      label: 'Diagram (SVG)',
      filename: 'plan.svg',
      mime: 'image/svg+xml',
      content: async ({ svgMarkup }) => {
        if (!svgMarkup) throw new Error('The diagram is not on the page yet.');
        return (await import('../../diagrams/styles.ts')).standaloneSvg(svgMarkup, theme);
      },
    },
  );
  return items;
}

/** Save text as a file through a temporary object URL (works offline, no server round trip). */
export function downloadText(filename: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copy text; falls back to a hidden textarea where the async clipboard is refused. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'sr-only';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('The browser refused to copy.');
  }
}
