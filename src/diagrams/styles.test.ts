import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PlanDiagram } from './diagrams.tsx';
import { DIAGRAM_CSS, diagramCss, standaloneSvg } from './styles.ts';

describe('diagram styles', () => {
  it('embeds diagrams.css itself, the one copy of the rules', () => {
    expect(DIAGRAM_CSS).toBe(readFileSync(new URL('./diagrams.css', import.meta.url), 'utf8'));
    expect(DIAGRAM_CSS).toMatch(/\.rd-svg/);
  });

  it('uses Starlight colour variables only, never a request', () => {
    expect(DIAGRAM_CSS).not.toMatch(/@import|url\(|@font-face/);
    expect(DIAGRAM_CSS).toContain('var(--sl-color-text');
  });

  it('styles every class the diagrams use', () => {
    const html = renderToStaticMarkup(createElement(PlanDiagram, { failed: ['rancher/rancher-1'] }));
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    const used = new Set([...svg.matchAll(/class="([^"]+)"/g)].flatMap((m) => m[1]!.split(' ')));
    const structural = new Set([
      'rd-node',
      'rd-group',
      'rd-cluster',
      'rd-legend',
      'rd-more',
      'rd-role',
      'rd-shape',
      'rd-box',
      'rd-text',
      'rd-sev',
      'rd-narrow',
      'is-lb-target',
      'is-ace-target',
    ]);
    const styled = [...used].filter((c) => !structural.has(c));
    expect(styled.length).toBeGreaterThan(10);
    for (const c of styled) expect(DIAGRAM_CSS, c).toContain(`.${c}`);
  });

  it('sets the font on the SVG itself, so a file opened on its own keeps it', () => {
    expect(DIAGRAM_CSS).toMatch(/(^|\n)\.rd-svg \{\n {2}font-family: [^;]+;\n\}/);
  });

  it('embeds theme colours and styles in a standalone SVG file', () => {
    const html = renderToStaticMarkup(createElement(PlanDiagram));
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
    for (const theme of ['light', 'dark'] as const) {
      const file = standaloneSvg(svg, theme);
      expect(file.startsWith('<?xml')).toBe(true);
      expect(file).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(file).toContain('<style><![CDATA[');
      expect(file).toContain(diagramCss(theme));
      expect(file.trim().endsWith('</svg>')).toBe(true);
    }
    expect(diagramCss('dark')).toContain('--sl-color-bg: hsl(224, 10%, 10%)');
  });
});
