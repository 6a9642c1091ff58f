import { useEffect, useState } from "react";

/** Copies a text (a link) to the clipboard; shown only where the browser allows it (progressive enhancement). */
export function CopyButton({ text, label = "Sao chép" }: { text: string; label?: string }) {
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState(false);
  // Known only in the browser, after hydration: the server's HTML and the first render must both show no button.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && !!navigator.clipboard), []);
  if (!canCopy) return null;
  return (
    <button
      type="button"
      className="button button--ghost"
      onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}
    >
      {copied ? "Đã sao chép ✓" : label}
    </button>
  );
}
