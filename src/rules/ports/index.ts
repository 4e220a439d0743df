// The firewall matrix and its writers: Markdown, nftables, firewalld, CSV and JSON.
export * from './matrix.ts';
export { toNftables, NFT_TABLE } from './nftables.ts';
export { toFirewalld } from './firewalld.ts';
export { toPortsCsv, quoteCsv, csvLine } from './csv.ts';
export { toPortsMarkdown, escapeMarkdown, nodeKinds } from './markdown.ts';
export { PORT_SOURCES, DEFAULT_NETWORK, DEFAULT_POD_CIDR, type PortSpec, type Peer, type Protocol, type SourceId } from './tables.ts';
export { toPortsJson } from './json.ts';
