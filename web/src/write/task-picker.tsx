import type { TaskChoice } from './task-choice.js';

const kinds: readonly { value: TaskChoice['kind']; label: string }[] = [
  { value: 'summarization', label: 'Summarize a document' },
  { value: 'email', label: 'Write an email from notes' },
  { value: 'custom', label: 'Custom instruction' },
];

/** Radio buttons for the task, with name and instruction fields for a custom one. */
export function TaskPicker(props: {
  readonly value: TaskChoice;
  readonly disabled: boolean;
  readonly onChange: (choice: TaskChoice) => void;
}) {
  const { value } = props;
  return (
    <fieldset class="task-picker" disabled={props.disabled}>
      <legend>Task</legend>
      <div class="choices">
        {kinds.map((kind) => (
          <label key={kind.value} class="choice">
            <input
              type="radio"
              name="task"
              value={kind.value}
              checked={value.kind === kind.value}
              onChange={() => props.onChange({ ...value, kind: kind.value })}
            />
            {kind.label}
          </label>
        ))}
      </div>
      {value.kind === 'custom' && (
        <div class="custom-task">
          <label>
            Task name
            <input
              name="task-name"
              value={value.name}
              placeholder="linkedin-post"
              onInput={(event) => props.onChange({ ...value, name: event.currentTarget.value })}
            />
          </label>
          <label>
            Instruction
            <input
              name="task-instruction"
              value={value.instruction}
              placeholder="Write a LinkedIn post from these notes"
              onInput={(event) => props.onChange({ ...value, instruction: event.currentTarget.value })}
            />
          </label>
        </div>
      )}
    </fieldset>
  );
}
