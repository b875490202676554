// One heading and one document title per page. The h1 takes focus on route changes
// (see Layout), so it is focusable but not in the tab order.
import { type ReactNode, useEffect } from 'react';

export function Page({ title, children, lead }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} – Stegvis`;
  }, [title]);

  return (
    <>
      <h1 tabIndex={-1} className="page-heading">
        {title}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </>
  );
}
