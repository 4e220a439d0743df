// The diagrams' styles, as text: diagrams.css beside this file, imported raw, is the one copy. The
// site loads that file as Starlight custom CSS; the checker embeds this text (plus fixed theme
// colours) when it exports a standalone SVG. Colours come only from Starlight's variables, so the
// SVG follows the light and dark themes.
import DIAGRAM_CSS from './diagrams.css?raw';

export { DIAGRAM_CSS };

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
