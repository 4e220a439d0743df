// The firewall matrix for the reader's own plan: pasted (any input the checker reads) or the
// checker's saved plan. The readers (and with them the schema and YAML libraries), the matrix and
// its writers load only when asked, so the page itself stays light. Exports: nftables and
// firewalld per node, Markdown, CSV and JSON for the whole plan.
import { useId, useState } from 'react';
import type { Plan } from '../rules/vocabulary.ts';
import type { PortMatrix } from '../rules/ports/matrix.ts';
import { CalculatorFrame, useMounted } from './calculator-frame.tsx';

type ResultModule = typeof import('./ports/PortsResult.tsx');

export default function PortsCalculator() {
  const mounted = useMounted();
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ view: ResultModule['PortsResult']; matrix: PortMatrix; from: string; nodes: number } | undefined>();
  const [message, setMessage] = useState('');
  const inputId = useId();
  if (!mounted)
    return (
      <CalculatorFrame level={2} title="Ports for your plan">
        <p>Computing the matrix for your own plan needs JavaScript; the tables below cover each distribution, and the CLI prints the same for a plan file.</p>
      </CalculatorFrame>
    );
  const show = async (plan: Plan, from: string) => {
    const { matrixOf, PortsResult } = await import('./ports/PortsResult.tsx');
    const { matrix, nodes } = matrixOf(plan);
    setResult({ view: PortsResult, matrix, from, nodes });
    setMessage(`Showing the matrix for ${from}: ${nodes} nodes.`);
  };
  const readPasted = async () => {
    const { readInputDetailed } = await import('../rules/formats/read.ts');
    try {
      const read = readInputDetailed(text, { filename: 'pasted input' });
      await show(read.plan, `the pasted ${read.format}`);
    } catch (e) {
      setResult(undefined);
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  const loadSaved = async () => {
    const { loadStoredPlan } = await import('./checker/storage.ts');
    const plan = await loadStoredPlan();
    if (!plan) {
      setResult(undefined);
      setMessage('No plan saved in this browser yet: describe one in the plan checker first.');
      return;
    }
    await show(plan, 'the checker’s plan');
  };
  return (
    <CalculatorFrame level={2} title="Ports for your plan">
      <label className="ck-field ck-wide" htmlFor={inputId}>
        <span className="ck-label">Plan, RKE cluster.yml, kubectl nodes JSON or a K3s/RKE2 config</span>
      </label>
      <textarea id={inputId} className="pm-input" rows={8} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
      <p className="ck-row">
        <button type="button" className="ck-button" disabled={text.trim() === ''} onClick={() => void readPasted()}>
          Show the matrix
        </button>
        <button type="button" className="ck-button" onClick={() => void loadSaved()}>
          Use the plan from the checker
        </button>
      </p>
      <p role="status" className="ck-status">
        {message}
      </p>
      {result && <result.view key={result.from + result.nodes} matrix={result.matrix} />}
    </CalculatorFrame>
  );
}
