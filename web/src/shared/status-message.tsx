import type { ComponentChildren } from 'preact';

/**
 * A message region screen readers announce: `error` uses role="alert", the rest role="status".
 * Renders nothing when there is no message.
 */
export function StatusMessage(props: {
  readonly kind: 'error' | 'info' | 'success';
  readonly children?: ComponentChildren;
  readonly testId?: string;
}) {
  if (props.children === undefined || props.children === null || props.children === '') return null;
  return (
    <p
      class={`message message-${props.kind}`}
      role={props.kind === 'error' ? 'alert' : 'status'}
      data-testid={props.testId}
    >
      {props.children}
    </p>
  );
}
