import type { ReactNode } from 'react';

/** Text only screen readers hear (keeps visible labels short and repeated labels distinct). */
export function SrOnly({ children }: { children: ReactNode }) {
  return <span className="ck-sr">{children}</span>;
}
