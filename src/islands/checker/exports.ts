// What the checker can hand over: each export is a file name, a media type and a way to make its
// text, or the reason it is not available for this plan. The writers live in src/rules and are
// loaded when a file is first asked for, so they (the YAML library, the nginx writer and the port
// listeners, rke's refusals) cost the page nothing until then, and an edit never waits for them.
// Whether the plan has what an export describes (an RKE cluster, Rancher on a cluster) is known at
// once; whether the real tool would refuse the file is the writer's to say when it is asked: it
// throws ExportError, and the panel shows the reasons instead of a file (never a file rke or nginx
// would refuse).
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
  /** The tool that reads the file and may refuse it (the writer then throws ExportError with its reasons). */
  refusedBy?: string;
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
  // The writers throw ExportError, with rke's or nginx's reasons, when the tool would refuse the file.
  for (const c of rke)
    items.push({
      id: `cluster-yml:${c.name}`,
      label: `RKE cluster.yml for “${c.name}”`,
      filename: `${safeFile(c.name)}.cluster.yml`,
      mime: 'application/yaml',
      refusedBy: 'rke',
      content: async () => (await import('../../rules/formats/rke-cluster-yml.ts')).toClusterYml(plan, c.name),
    });
  const nginx = { id: 'nginx', label: 'nginx layer-4 load balancer config', filename: 'nginx.conf', mime: 'text/plain', refusedBy: 'nginx' };
  items.push(
    rancherCluster(plan)
      ? { ...nginx, content: async () => (await import('../../rules/formats/nginx.ts')).toNginxConfig(plan) }
      : { ...nginx, unavailable: 'Needs Rancher installed on a cluster of the plan.' },
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

// Kept in ../download.ts so pages that only download text do not load the writers above.
export { copyText, downloadText } from '../download.ts';
