// The serving notes that travel in the release archive: the security headers, the nginx snippet
// and SERVE.md, filled in from the templates in packaging/ for one build (its base path and the
// Content-Security-Policy read out of its pages).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packaging = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'packaging');

/** Every response's security headers, in the order a reviewer reads them. */
export function securityHeaders(contentSecurityPolicy) {
  return [
    ['Content-Security-Policy', contentSecurityPolicy],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    [
      'Permissions-Policy',
      'accelerometer=(), autoplay=(), bluetooth=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), ' +
        'hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=(), xr-spatial-tracking=()',
    ],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    // For browsers that predate CSP's frame-ancestors.
    ['X-Frame-Options', 'DENY'],
  ];
}

/** headers.txt: one `Name: value` per line, for any server; lines starting with # are notes. */
export function renderHeadersFile(headers, { base, version }) {
  return [
    `# Security headers for the Rancher Architecture Guide ${version}, served under ${base}.`,
    '# Send every one on every response (pages, assets and the 404 page). One header per line.',
    ...headers.map(([name, value]) => `${name}: ${value}`),
    '',
  ].join('\n');
}

/** Parse headers.txt back into [name, value] pairs. */
export function parseHeadersFile(text) {
  return text
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    });
}

function fill(template, values) {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, key) => {
    if (!(key in values)) throw new Error(`packaging template: no value for ${whole}`);
    return values[key];
  });
}

const nginxQuote = (value) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export function renderNginx(headers, { base, version, name, has404 }) {
  const addHeaders = (indent) => headers.map(([header, value]) => `${indent}add_header ${header} ${nginxQuote(value)} always;`).join('\n');
  const baseNoSlash = base.replace(/\/$/, '');
  return fill(readFileSync(join(packaging, 'nginx.conf.template'), 'utf8'), {
    VERSION: version,
    NAME: name,
    BASE: base,
    SUBPATH_REDIRECT: baseNoSlash
      ? `    # ${baseNoSlash} without the slash: send the reader to the site.\n    location = ${baseNoSlash} { return 301 ${base}; }\n`
      : '',
    ERROR_PAGE: has404 ? `    error_page 404 ${base}404.html;\n` : '',
    HEADERS: addHeaders('        '),
  });
}

export function renderServe({ base, version, name }) {
  const sub = base !== '/';
  return fill(readFileSync(join(packaging, 'SERVE.md'), 'utf8'), {
    VERSION: version,
    NAME: name,
    BASE: base,
    ROOT_HINT: sub
      ? `This build expects to live under \`${base}\`: the files in \`site/\` must appear at that path on the server.`
      : 'This build expects to live at the root of its host (`/`).',
    PYTHON: sub
      ? [
          `mkdir -p www${base}`,
          `cp -R site/. www${base}`,
          'python3 -m http.server 8080 --bind 127.0.0.1 --directory www',
          `# then open http://127.0.0.1:8080${base}`,
        ].join('\n')
      : ['python3 -m http.server 8080 --bind 127.0.0.1 --directory site', '# then open http://127.0.0.1:8080/'].join('\n'),
    NPX: sub
      ? [`mkdir -p www${base}`, `cp -R site/. www${base}`, 'npx serve www -l 8080', `# then open http://localhost:8080${base}`].join('\n')
      : ['npx serve site -l 8080', '# then open http://localhost:8080/'].join('\n'),
  });
}
