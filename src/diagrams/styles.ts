// The diagrams' styles, as text. `diagrams.css` beside this file holds exactly the same text
// (a test keeps them equal): the site loads that file as Starlight custom CSS, and the checker
// embeds this string (plus fixed theme colours) when it exports a standalone SVG file. Colours
// come only from Starlight's variables, so the SVG follows the light and dark themes.
export const DIAGRAM_CSS = `/* Architecture diagrams (src/diagrams). Keep equal to DIAGRAM_CSS in styles.ts. */
.rd-figure { margin: 1.5rem 0; }
.rd-svg { display: block; width: 100%; height: auto; font-family: var(--__sl-font, system-ui, sans-serif); }
.rd-svg.rd-narrow { max-width: 40rem; margin-inline: auto; }
.rd-svg text { fill: var(--sl-color-text, #333); font-size: 12px; }
.rd-svg .rd-strong { font-weight: 600; }
.rd-svg .rd-muted { fill: var(--sl-color-gray-3, #666); }
.rd-svg .rd-bad { fill: var(--sl-color-red-high, #a00); font-weight: 600; }
.rd-svg .rd-mono, .rd-svg .rd-node-name { font-family: var(--__sl-font-mono, ui-monospace, monospace); }
.rd-cluster-box { fill: var(--sl-color-gray-6, #f2f3f6); stroke: var(--sl-color-gray-4, #888); stroke-width: 1.5; }
.rd-cluster-box.is-rancher { stroke: var(--sl-color-accent, #36c); stroke-width: 3; }
.rd-cluster-box.has-error { stroke: var(--sl-color-red, #c33); stroke-dasharray: 10 4; }
.rd-cluster-box.has-warning { stroke: var(--sl-color-orange, #c80); stroke-dasharray: 10 4; }
.rd-svg .rd-halo { paint-order: stroke; stroke: var(--sl-color-gray-6, #f2f3f6); stroke-width: 5px; stroke-linejoin: round; }
.rd-svg .rd-note-text { paint-order: stroke; stroke: var(--sl-color-bg, #fff); stroke-width: 5px; stroke-linejoin: round; }
.rd-svg .rd-cluster-name { font-size: 14px; font-weight: 700; fill: var(--sl-color-white, #111); }
.rd-svg .rd-cluster-kind { fill: var(--sl-color-text-accent, #36c); font-weight: 600; }
.rd-svg .rd-group-label { fill: var(--sl-color-gray-2, #444); font-weight: 600; }
.rd-node-box { fill: var(--sl-color-bg, #fff); stroke: var(--sl-color-gray-4, #888); stroke-width: 1.25; }
.rd-svg .rd-node-name { fill: var(--sl-color-white, #111); }
.rd-svg .rd-status, .rd-svg .rd-tag { font-size: 10px; fill: var(--sl-color-gray-3, #666); }
.rd-svg .rd-tag { font-weight: 700; fill: var(--sl-color-text-accent, #36c); }
.rd-role rect { stroke-width: 1; }
.rd-svg .rd-role text { font-size: 10px; font-weight: 700; }
.rd-role-etcd rect { fill: var(--sl-color-green-low, #dfd); stroke: var(--sl-color-green, #393); }
.rd-svg .rd-role-etcd text { fill: var(--sl-color-green-high, #141); }
.rd-role-controlplane rect, .rd-role-server rect { fill: var(--sl-color-blue-low, #dde); stroke: var(--sl-color-blue, #36c); }
.rd-svg .rd-role-controlplane text, .rd-svg .rd-role-server text { fill: var(--sl-color-blue-high, #124); }
.rd-role-worker rect, .rd-role-agent rect { fill: var(--sl-color-purple-low, #ede); stroke: var(--sl-color-purple, #939); }
.rd-svg .rd-role-worker text, .rd-svg .rd-role-agent text { fill: var(--sl-color-purple-high, #414); }
.rd-node.is-highlighted .rd-node-box { stroke: var(--sl-color-accent, #36c); stroke-width: 4; }
.rd-node.has-info .rd-node-box { stroke: var(--sl-color-blue, #36c); stroke-width: 2; }
.rd-node.has-warning .rd-node-box { stroke: var(--sl-color-orange, #c80); stroke-width: 2.5; }
.rd-node.has-error .rd-node-box { stroke: var(--sl-color-red, #c33); stroke-width: 2.5; }
.rd-node.is-failed .rd-node-box { fill: var(--sl-color-gray-6, #eee); stroke-dasharray: 5 3; }
.rd-svg .is-failed .rd-node-name { text-decoration: line-through; }
.rd-svg .is-failed .rd-status { fill: var(--sl-color-red-high, #a00); font-weight: 700; }
.rd-cross { stroke: var(--sl-color-red, #c33); stroke-width: 2; stroke-linecap: round; opacity: 0.75; fill: none; }
.rd-sev-error { fill: var(--sl-color-red, #c33); }
.rd-sev-warning { fill: var(--sl-color-orange, #c80); }
.rd-sev-info { fill: var(--sl-color-blue, #36c); }
.rd-more-box { fill: var(--sl-color-bg, #fff); stroke: var(--sl-color-gray-4, #888); stroke-dasharray: 4 3; }
.rd-svg .rd-more-count { font-weight: 700; }
.rd-link { fill: none; stroke: var(--sl-color-gray-3, #777); stroke-width: 1.5; }
.rd-link-manage { stroke: var(--sl-color-accent, #36c); stroke-dasharray: 6 4; }
.rd-link-replicate { stroke: var(--sl-color-green, #393); stroke-dasharray: 5 3; stroke-width: 2; }
.rd-link-data { stroke: var(--sl-color-green, #393); }
.rd-arrowhead { fill: var(--sl-color-gray-3, #777); }
.rd-divider { fill: none; stroke: var(--sl-color-gray-4, #999); stroke-width: 1.5; stroke-dasharray: 10 6; }
.rd-shape-body { fill: var(--sl-color-bg, #fff); stroke: var(--sl-color-gray-4, #888); stroke-width: 1.5; }
.rd-shape.rd-note .rd-shape-body { fill: none; stroke-dasharray: 5 4; }
.rd-shape.rd-etcd-panel .rd-shape-body { fill: var(--sl-color-gray-6, #f4f4f4); stroke: var(--sl-color-green, #393); }
.rd-shape.rd-client .rd-shape-body { fill: var(--sl-color-gray-6, #f2f3f6); }
.rd-shape.rd-lb .rd-shape-body, .rd-shape.rd-dns .rd-shape-body { stroke: var(--sl-color-accent, #36c); stroke-width: 2; }
.rd-shape.rd-rancher .rd-shape-body { stroke: var(--sl-color-accent, #36c); stroke-width: 3; }
.rd-shape.rd-datastore .rd-shape-body, .rd-shape.rd-etcd .rd-shape-body { fill: var(--sl-color-green-low, #dfd); stroke: var(--sl-color-green, #393); }
.rd-shape.rd-ingress .rd-shape-body { fill: var(--sl-color-blue-low, #dde); stroke: var(--sl-color-blue, #36c); }
.rd-shape.rd-pod .rd-shape-body { fill: var(--sl-color-purple-low, #ede); stroke: var(--sl-color-purple, #939); }
.rd-shape.rd-muted-box .rd-shape-body { fill: none; stroke-dasharray: 3 3; }
.rd-shape.is-failed .rd-shape-body { fill: var(--sl-color-gray-6, #eee); stroke-dasharray: 5 3; }
.rd-shape.has-warning .rd-shape-body { stroke: var(--sl-color-orange, #c80); }
.rd-text-equivalent { margin-top: 0.5rem; font-size: var(--sl-text-sm, 0.875rem); }
.rd-text-equivalent summary { cursor: pointer; }
`;

/** Starlight's theme colours, fixed, for an SVG file shown outside the site. */
const THEME_VARS = {
  light: `--sl-color-white: hsl(224, 10%, 10%); --sl-color-gray-2: hsl(224, 10%, 23%); --sl-color-gray-3: hsl(224, 7%, 36%); --sl-color-gray-4: hsl(224, 6%, 56%); --sl-color-gray-5: hsl(224, 6%, 77%); --sl-color-gray-6: hsl(224, 20%, 94%); --sl-color-bg: hsl(0, 0%, 100%); --sl-color-text: hsl(224, 10%, 23%); --sl-color-accent: hsl(234, 90%, 60%); --sl-color-text-accent: hsl(234, 90%, 60%); --sl-color-green-low: hsl(101, 85%, 90%); --sl-color-green: hsl(101, 90%, 46%); --sl-color-green-high: hsl(101, 80%, 22%); --sl-color-blue-low: hsl(234, 88%, 90%); --sl-color-blue: hsl(234, 90%, 60%); --sl-color-blue-high: hsl(234, 80%, 30%); --sl-color-purple-low: hsl(281, 80%, 90%); --sl-color-purple: hsl(281, 90%, 60%); --sl-color-purple-high: hsl(281, 90%, 30%); --sl-color-orange: hsl(41, 90%, 60%); --sl-color-red: hsl(339, 90%, 60%); --sl-color-red-high: hsl(339, 80%, 30%);`,
  dark: `--sl-color-white: hsl(0, 0%, 100%); --sl-color-gray-2: hsl(224, 6%, 77%); --sl-color-gray-3: hsl(224, 6%, 56%); --sl-color-gray-4: hsl(224, 7%, 36%); --sl-color-gray-5: hsl(224, 10%, 23%); --sl-color-gray-6: hsl(224, 14%, 16%); --sl-color-bg: hsl(224, 10%, 10%); --sl-color-text: hsl(224, 6%, 77%); --sl-color-accent: hsl(224, 100%, 60%); --sl-color-text-accent: hsl(224, 100%, 85%); --sl-color-green-low: hsl(101, 39%, 22%); --sl-color-green: hsl(101, 82%, 63%); --sl-color-green-high: hsl(101, 82%, 80%); --sl-color-blue-low: hsl(234, 54%, 20%); --sl-color-blue: hsl(234, 100%, 60%); --sl-color-blue-high: hsl(234, 100%, 87%); --sl-color-purple-low: hsl(281, 39%, 22%); --sl-color-purple: hsl(281, 82%, 63%); --sl-color-purple-high: hsl(281, 82%, 89%); --sl-color-orange: hsl(41, 82%, 63%); --sl-color-red: hsl(339, 82%, 63%); --sl-color-red-high: hsl(339, 82%, 87%);`,
} as const;

export type DiagramTheme = keyof typeof THEME_VARS;

/**
 * The CSS an exported, standalone SVG needs: the diagram rules plus Starlight's colours for one
 * theme, scoped to the SVG root (class `rd-svg`) and painted on a theme background.
 */
export function diagramCss(theme: DiagramTheme = 'light'): string {
  return `.rd-svg { ${THEME_VARS[theme]} background: var(--sl-color-bg); }\n${DIAGRAM_CSS}`;
}

/**
 * Turns the markup of one rendered diagram `<svg>` (e.g. the element's outerHTML) into a file
 * that opens on its own: XML namespace, and the styles embedded in a `<style>` element (fine in
 * a file; the site itself never inlines styles).
 */
export function standaloneSvg(svgMarkup: string, theme: DiagramTheme = 'light'): string {
  const start = svgMarkup.indexOf('<svg');
  const end = svgMarkup.indexOf('>', start);
  if (start < 0 || end < 0) throw new Error('standaloneSvg: the markup has no <svg> element');
  let open = svgMarkup.slice(start, end);
  if (!open.includes('xmlns=')) open += ' xmlns="http://www.w3.org/2000/svg"';
  const css = diagramCss(theme).replaceAll(']]>', ']]]]><![CDATA[>');
  const close = svgMarkup.lastIndexOf('</svg>');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${open}><style><![CDATA[\n${css}]]></style>${svgMarkup.slice(end + 1, close)}</svg>\n`;
}
