// Brings the static calculators (calculators.tsx) to life in the browser, without a framework: it
// reveals their fields under the guidance's table, checks each value as it is typed (a message
// beside a field that is not valid, and the result keeps the last valid value), and fills in the
// result and the findings the rules give. Every text goes in through textContent, never as HTML.
import { ruleById } from '../rules/catalogue/index.ts';
import { checkPlan } from '../rules/check.ts';
import { dnsNameProblem } from '../rules/identifiers.ts';
import { etcdQuorum, failuresTolerated } from '../rules/quorum.ts';
import type { Finding } from '../rules/report.ts';
import { plural } from '../rules/words.ts';
import {
  ENDPOINT_DEFAULTS,
  LOAD_BALANCER_DEFAULTS,
  MAX_MEMBERS,
  endpointPlan,
  etcdPlan,
  loadBalancerPlan,
  type EndpointInput,
  type LoadBalancerInput,
} from './calculator-plans.ts';

type Read<T> = { value: T } | { problem: string };

/** A whole number from `min` to `max`, or what is wrong with the text. */
export function readWholeNumber(text: string, min: number, max: number): Read<number> {
  const trimmed = text.trim();
  const n = Number(trimmed);
  if (trimmed === '' || !Number.isInteger(n) || n < min || n > max) return { problem: `Enter a whole number from ${min} to ${max}.` };
  return { value: n };
}

/** "80, 443" → [80, 443], or what is wrong with the text. */
export function readPorts(text: string): Read<number[]> {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0) return { problem: 'Enter at least one port, e.g. 80, 443.' };
  const ports = parts.map(Number);
  if (!ports.every((p) => Number.isInteger(p) && p >= 1 && p <= 65535)) return { problem: 'Each port is a whole number from 1 to 65535.' };
  return { value: ports };
}

/** An empty FQDN (one kubeconfig context per node) or a DNS name. */
export function readFqdn(text: string): Read<string> {
  const trimmed = text.trim();
  if (trimmed === '') return { value: '' };
  const problem = dnsNameProblem(trimmed);
  return problem ? { problem: `The FQDN ${problem.replace(/^[A-Z]/, (c) => c.toLowerCase())}` } : { value: trimmed };
}

/** Same link as the checker's findings: rules give site-relative paths and pages sit one folder deep. */
const docsHref = (docs: string): string => `../${docs.replace(/^\/+/, '')}`;

class Calculator {
  readonly section: HTMLElement;
  constructor(section: HTMLElement) {
    this.section = section;
  }

  field<T extends HTMLInputElement | HTMLSelectElement>(name: string): T {
    const el = this.section.querySelector<T>(`[name="${name}"]`);
    if (!el) throw new Error(`calculator field "${name}" is missing`);
    return el;
  }

  out(name: string): HTMLElement {
    const el = this.section.querySelector<HTMLElement>(`[data-out="${name}"]`);
    if (!el) throw new Error(`calculator output "${name}" is missing`);
    return el;
  }

  /** Reads a field; on a problem marks it invalid with the message beside it and returns undefined. */
  read<T>(name: string, reader: (text: string) => Read<T>): T | undefined {
    const input = this.field<HTMLInputElement>(name);
    const result = reader(input.value);
    const error = this.section.querySelector<HTMLElement>(`[data-error-for="${name}"]`);
    const problem = 'problem' in result ? result.problem : undefined;
    if (problem) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    if (error) {
      error.textContent = problem ?? '';
      error.hidden = !problem;
    }
    return 'value' in result ? result.value : undefined;
  }

  findings(findings: Finding[], none: string): void {
    const host = this.out('findings');
    if (findings.length === 0) {
      const p = document.createElement('p');
      p.className = 'calc-result';
      const mark = document.createElement('span');
      mark.setAttribute('aria-hidden', 'true');
      mark.textContent = '✓ ';
      p.append(mark, none);
      host.replaceChildren(p);
      return;
    }
    const list = document.createElement('ul');
    list.className = 'ck-list';
    for (const f of findings) {
      const li = document.createElement('li');
      li.className = `ck-finding ck-finding-${f.severity}`;
      li.dataset.rule = f.rule;
      const mark = this.section.querySelector<HTMLTemplateElement>(`template[data-severity="${f.severity}"]`);
      if (mark) li.append(mark.content.cloneNode(true));
      const body = document.createElement('span');
      body.className = 'ck-finding-body';
      const message = document.createElement('span');
      message.className = 'ck-finding-message';
      message.textContent = f.message;
      body.append(message);
      if (f.nodes.length) {
        const nodes = document.createElement('span');
        nodes.className = 'ck-finding-nodes';
        nodes.textContent = `Nodes: ${f.nodes.join(', ')}`;
        body.append(nodes);
      }
      const a = document.createElement('a');
      a.className = 'ck-finding-link';
      a.href = docsHref(f.docs);
      a.textContent = `Guidance: ${ruleById(f.rule)?.title ?? f.rule}`;
      body.append(a);
      li.append(body);
      list.append(li);
    }
    host.replaceChildren(list);
  }
}

function etcd(c: Calculator): () => void {
  let members = 3;
  return () => {
    members = c.read('members', (t) => readWholeNumber(t, 0, MAX_MEMBERS)) ?? members;
    const quorum = etcdQuorum(members);
    const tolerated = failuresTolerated(members);
    c.out('result').textContent =
      members === 0
        ? 'With no etcd member there is no datastore at all.'
        : `${plural(members, 'member')}: quorum is ${quorum}, so the cluster survives ${plural(tolerated, 'failed member')}.`;
    const lesson = c.out('lesson');
    const even = members > 0 && members % 2 === 0;
    lesson.hidden = !even;
    lesson.textContent = even
      ? `An even count gains nothing: ${members} members tolerate ${plural(tolerated, 'failure')}, exactly as ${members - 1} do, yet need one more vote for quorum and one more machine that can fail. Use ${members - 1} or ${members + 1}.`
      : '';
    // The table stays; the row for this count is marked.
    for (const row of c.section.querySelectorAll<HTMLTableRowElement>('tr[data-members]')) {
      const current = row.dataset.members === String(members);
      row.classList.toggle('calc-current', current);
      if (current) row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
    }
    const findings = checkPlan(etcdPlan(members)).findings.filter((f) => f.rule.startsWith('etcd-') || f.rule === 'downstream-three-etcd');
    c.findings(findings, 'No etcd finding: this member count follows the guidance.');
  };
}

function loadBalancer(c: Calculator): () => void {
  const input: LoadBalancerInput = { ...LOAD_BALANCER_DEFAULTS };
  return () => {
    input.layer = c.field<HTMLSelectElement>('layer').value === '7' ? 7 : 4;
    input.tlsTermination = c.field<HTMLSelectElement>('tls').value === 'load-balancer' ? 'load-balancer' : 'ingress';
    input.ports = c.read('ports', readPorts) ?? input.ports;
    input.nodes = c.read('nodes', (t) => readWholeNumber(t, 1, 9)) ?? input.nodes;
    // The balancer cannot target more nodes than there are: the field follows the node count.
    const targets = c.field<HTMLInputElement>('targets');
    targets.max = String(input.nodes);
    if (Number(targets.value) > input.nodes) targets.value = String(input.nodes);
    input.targets = c.read('targets', (t) => readWholeNumber(t, 0, input.nodes)) ?? Math.min(input.targets, input.nodes);
    const findings = checkPlan(loadBalancerPlan(input)).findings.filter((f) => f.rule.startsWith('lb-'));
    c.findings(findings, 'These settings match the guidance.');
  };
}

function endpoint(c: Calculator): () => void {
  const input: EndpointInput = { ...ENDPOINT_DEFAULTS };
  return () => {
    input.fqdn = c.read('fqdn', readFqdn) ?? input.fqdn;
    input.controlplanes = c.read('controlplanes', (t) => readWholeNumber(t, 1, 9)) ?? input.controlplanes;
    const targets = c.field<HTMLInputElement>('targets');
    targets.max = String(input.controlplanes);
    if (Number(targets.value) > input.controlplanes) targets.value = String(input.controlplanes);
    input.targets = c.read('targets', (t) => readWholeNumber(t, 0, input.controlplanes)) ?? Math.min(input.targets, input.controlplanes);
    input.privateCA = c.field<HTMLInputElement>('privateCA').checked;
    input.caCertificate = c.field<HTMLInputElement>('caCertificate').checked;
    const findings = checkPlan(endpointPlan(input)).findings.filter((f) => f.rule.startsWith('ace-'));
    c.findings(findings, 'This endpoint matches the guidance.');
  };
}

const KINDS: Record<string, (c: Calculator) => () => void> = { etcd, 'load-balancer': loadBalancer, 'authorized-endpoint': endpoint };

/** Finds every calculator under `root` that has not run yet and starts it. */
export function enhanceCalculators(root: ParentNode): void {
  for (const section of root.querySelectorAll<HTMLElement>('[data-calc]')) {
    const make = KINDS[section.dataset.calc ?? ''];
    if (!make || section.dataset.running) continue;
    section.dataset.running = 'true';
    const c = new Calculator(section);
    const update = make(c);
    const heading = section.querySelector('h3');
    if (heading && section.dataset.liveTitle) heading.textContent = section.dataset.liveTitle;
    section.querySelector<HTMLElement>('.calc-live')!.hidden = false;
    section.addEventListener('input', update);
    section.addEventListener('change', update);
    update();
  }
}
