import { useEffect, useState } from "react";

/** "In" for a printable page (shown once the page's script runs; Ctrl+P works regardless). */
export function PrintButton({ label = "In danh sách" }: { label?: string }) {
  const [ready, setReady] = useState(false);
  // Set once the page's script runs (after hydration), so the server's HTML shows no button that would do nothing.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {label}
    </button>
  );
}
