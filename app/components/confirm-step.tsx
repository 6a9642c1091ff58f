/**
 * A step that asks before it acts (issue 19: sending and approving a report). The first button opens the question
 * in the page; without a script it sends the form and the server asks instead (the action answers `confirm`), so
 * the question shows either way. Only the confirming button sends `confirm=yes`.
 */
import { useState, type ReactNode } from "react";

/** Whether the question is open: opened by a click, or by the server's answer; "Hủy" closes either. */
export function useConfirmStep(intent: string, askedByServer: string | null) {
  const [choice, setChoice] = useState<boolean | null>(null);
  return {
    confirming: choice ?? askedByServer === intent,
    open: () => setChoice(true),
    close: () => setChoice(false),
  };
}

/** The button that asks: a submit button (for a page without a script) that, with one, opens the question. */
export function AskButton(props: {
  intent: string;
  className: string;
  busy: boolean;
  onAsk: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      name="intent"
      value={props.intent}
      className={props.className}
      disabled={props.busy}
      onClick={(e) => {
        e.preventDefault();
        props.onAsk();
      }}
    >
      {props.children}
    </button>
  );
}

/** The question, the confirming button (green) and the way back. */
export function ConfirmBox(props: {
  id: string;
  intent: string;
  question: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="confirm-box" role="alertdialog" aria-labelledby={props.id}>
      <p id={props.id}>{props.question}</p>
      <input type="hidden" name="confirm" value="yes" />
      <div className="form-actions">
        <button
          type="submit"
          name="intent"
          value={props.intent}
          className="button button--approve"
          disabled={props.busy}
        >
          {props.confirmLabel}
        </button>
        <button type="button" className="button button--ghost" onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
    </div>
  );
}
