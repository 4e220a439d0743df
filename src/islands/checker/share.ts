// The plan in the URL: JSON, deflated with the platform's CompressionStream, in base64url, behind
// "#plan=v1.". Reading a link treats it as hostile input: size limits before and after inflating,
// then the same reader and schema as a pasted plan file (loaded only when a link is read, so the
// checker's first paint does not wait for the YAML and schema libraries).
import type { Plan } from '../../rules/plan.ts';
import { InputError } from '../../rules/formats/input-error.ts';
import { LIMITS } from '../../rules/limits.ts';

export const HASH_KEY = 'plan';
const VERSION = 'v1';
/** Longest link payload we try to read (characters after "v1."). */
export const MAX_LINK_CHARS = LIMITS.linkChars;
/** Most bytes a link may inflate to; a real plan of hundreds of nodes is far below this. */
export const MAX_INFLATED_BYTES = LIMITS.linkInflatedBytes;

export class ShareError extends Error {
  override name = 'ShareError';
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ShareError('the link holds characters that base64url does not use, so it was probably cut or changed.');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    throw new ShareError('the link is not valid base64url, so it was probably cut or changed.');
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ShareError(`the link expands to more than ${limit / 1024 / 1024} MB, far beyond any real plan; it was not loaded.`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  return new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
}

/** The hash fragment payload ("v1.…") for a plan. */
export async function encodePlan(plan: Plan): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(plan));
  const deflated = await readAll(through(json, new CompressionStream('deflate-raw')), Number.MAX_SAFE_INTEGER);
  return `${VERSION}.${toBase64Url(deflated)}`;
}

/** A full hash ("#plan=v1.…") for a plan. */
export async function planHash(plan: Plan): Promise<string> {
  return `#${HASH_KEY}=${await encodePlan(plan)}`;
}

/** The payload of "#plan=…" in a location hash; undefined when the hash holds no plan. */
export function payloadFromHash(hash: string): string | undefined {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === HASH_KEY) return part.slice(eq + 1);
  }
  return undefined;
}

/** Read a link payload back into a plan. Throws ShareError with a message for people. */
export async function decodePlan(payload: string): Promise<Plan> {
  if (payload.length > MAX_LINK_CHARS)
    throw new ShareError(
      `the link is ${payload.length.toLocaleString('en')} characters long, more than the ${MAX_LINK_CHARS.toLocaleString('en')} a plan link may have.`,
    );
  const dot = payload.indexOf('.');
  const version = dot < 0 ? '' : payload.slice(0, dot);
  if (version !== VERSION)
    throw new ShareError(
      `the link's format ${version ? `"${version.slice(0, 10)}"` : ''} is not one this checker reads (expected ${VERSION}).`.replace('  ', ' '),
    );
  const bytes = fromBase64Url(payload.slice(dot + 1));
  let inflated: Uint8Array;
  try {
    inflated = await readAll(through(bytes, new DecompressionStream('deflate-raw')), MAX_INFLATED_BYTES);
  } catch (error) {
    if (error instanceof ShareError) throw error;
    throw new ShareError('the link could not be decompressed, so it was probably cut or changed.');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    throw new ShareError('the link does not hold text.');
  }
  // Links only ever hold JSON (encodePlan writes it): JSON.parse and nothing else, so a link
  // cannot make the page run the far slower YAML parser over megabytes of crafted text.
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ShareError('the link does not hold a plan.');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new ShareError('the link does not hold a plan.');
  const { validatePlan } = await import('../../rules/formats/validate.ts');
  try {
    // validatePlan counts clusters and nodes before anything else, so a short link that inflates
    // to a huge plan is refused here, before the page renders or stores any of it.
    return validatePlan(data, { file: 'link' });
  } catch (error) {
    if (error instanceof InputError) throw new ShareError(`the plan in the link is not valid: ${error.message}`);
    throw error;
  }
}
