// Kubernetes objects in one input: a YAML stream of documents (helm template, clusterctl generate),
// a `kind: List` (kubectl get -o yaml), or one object. Each comes with its source path, so readers
// point at the line it was written on: [i, …] for the i-th document of a stream, ['items', i, …]
// for a List's items, [] for a lone object.
import { LIMITS } from '../limits.ts';
import { isRecord } from './single-cluster.ts';
import type { ParsedText } from './text.ts';

export interface SourceObject {
  object: Record<string, unknown>;
  path: readonly PropertyKey[];
}

/** A List's items: kind List or any *List (NodeList, ClusterList) with an items array. */
export function listItems(data: unknown): unknown[] | undefined {
  if (!isRecord(data) || typeof data.kind !== 'string' || !data.kind.endsWith('List') || !Array.isArray(data.items)) return undefined;
  return data.items as unknown[];
}

/** Every object of the input, Lists opened (one level), in file order, bounded. */
export function objectsOf(doc: ParsedText): SourceObject[] {
  const tops: SourceObject[] = doc.documents
    ? doc.documents.flatMap((d, i) => (isRecord(d.data) ? [{ object: d.data, path: [i] }] : []))
    : isRecord(doc.data)
      ? [{ object: doc.data, path: [] }]
      : [];
  const out: SourceObject[] = [];
  for (const top of tops) {
    const items = listItems(top.object);
    if (items) items.forEach((item, j) => isRecord(item) && out.push({ object: item, path: [...top.path, 'items', j] }));
    else out.push(top);
    if (out.length > LIMITS.yamlDocuments) break;
  }
  return out.slice(0, LIMITS.yamlDocuments);
}

/** Is this input several objects (a stream or a List) rather than one? */
export function isCollection(doc: ParsedText): boolean {
  return doc.documents !== undefined || listItems(doc.data) !== undefined;
}

/** "Kind (group/version)" of an object, for messages; the text is shortened and JSON-quoted by callers. */
export function kindOf(object: Record<string, unknown>): string {
  const kind = typeof object.kind === 'string' ? object.kind.slice(0, 60) : '(no kind)';
  return kind;
}

/** The API group of an object's apiVersion (`cluster.x-k8s.io/v1beta2` → `cluster.x-k8s.io`). */
export function groupOf(object: Record<string, unknown>): string {
  return typeof object.apiVersion === 'string' && object.apiVersion.includes('/') ? (object.apiVersion.split('/')[0] ?? '') : '';
}
