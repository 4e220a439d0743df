// The site's Content-Security-Policy, in one place.
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

export function cspConfig() {
  return {
    algorithm: 'SHA-256',
    directives: CSP_DIRECTIVES,
  };
}
