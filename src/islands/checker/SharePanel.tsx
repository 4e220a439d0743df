// Share: the address bar always holds the plan (see usePersistence); this panel shows that link
// and copies it.
import { useId, useState } from 'react';
import { copyText } from './exports.ts';

export function SharePanel({ link }: { link: string }) {
  const id = useId();
  const [status, setStatus] = useState('');
  return (
    <div className="ck-share">
      <label className="ck-field ck-wide" htmlFor={`${id}-link`}>
        <span className="ck-label">Link to this plan</span>
      </label>
      <div className="ck-row ck-nowrap">
        <input id={`${id}-link`} type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="ck-button"
          disabled={!link}
          onClick={() =>
            void copyText(link).then(
              () => setStatus('Link copied.'),
              () => setStatus('Could not copy: select the link and copy it by hand.'),
            )
          }
        >
          Copy link
        </button>
      </div>
      <p role="status" className="ck-status">
        {status}
      </p>
    </div>
  );
}
