import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A modal question (the native `<dialog>`: focus stays inside, Escape cancels). The safe choice
 * (`cancelLabel`) takes the focus, so Enter never destroys anything by accident.
 */
export function ConfirmDialog(props: {
  readonly open: boolean;
  readonly title: string;
  readonly children: ComponentChildren;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.open && !element.open) {
      element.showModal();
      cancel.current?.focus();
    } else if (!props.open && element.open) {
      element.close();
    }
  }, [props.open]);

  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby="confirm-title"
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      {props.open && (
        <>
          <h2 id="confirm-title">{props.title}</h2>
          <div class="confirm-body">{props.children}</div>
          <div class="actions">
            <button type="button" ref={cancel} class="primary" onClick={props.onCancel}>
              {props.cancelLabel}
            </button>
            <button type="button" class="danger" onClick={props.onConfirm}>
              {props.confirmLabel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
