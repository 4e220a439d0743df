// The firewall matrix and its writers: Markdown, nftables, firewalld, CSV and JSON.
export * from './matrix.ts';
export { toNftables } from './nftables.ts';
export { toFirewalld } from './firewalld.ts';
export { toPortsCsv } from './csv.ts';
export { toPortsMarkdown } from './markdown.ts';
export { toPortsJson } from './json.ts';
