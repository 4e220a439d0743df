// The JSON Schema of a plan file, written into the built site from the zod schema the readers
// validate with, so an editor (`$schema`, or a yaml-language-server comment) can check a plan
// while it is typed, also on an air-gapped mirror.
import type { APIRoute } from 'astro';
import { planJsonSchema } from '../../rules/formats/plan-file.ts';

export const prerender = true;

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(planJsonSchema(), null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
