// The JSON Schema of rancher-arch's config file, written into the built site at build time from the
// zod schema the CLI validates with, so the two cannot drift. Editors point `$schema` (or a
// yaml-language-server comment) at it: an air-gapped mirror of the guide serves it too.
import type { APIRoute } from 'astro';
import { configJsonSchema } from '../../cli/config/schema.ts';

export const prerender = true;

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(configJsonSchema(), null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
