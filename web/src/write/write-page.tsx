import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import { ApiError, describeApiError } from '../api/api-error.js';
import type { Draft, LearnResult } from '../api/types.js';
import { StatusMessage } from '../shared/status-message.js';
import { ContextInput, type ContextValue } from './context-input.js';
import { DraftEditor } from './draft-editor.js';
import { LearnOutcome } from './learn-outcome.js';
import { initialTaskChoice, sampleTasksFor, toApiTask, type TaskChoice } from './task-choice.js';
import { TaskPicker } from './task-picker.js';
import { WhyThisDraft } from './why-this-draft.js';

const emptyContext: ContextValue = { text: '', contextId: undefined };

/**
 * Write: pick a task and a context, get a draft (with why it looks the way it does), edit it in
 * place, submit, and see the edit's cost and what Tailor inferred from it. On any failure the
 * person's text stays where it is and the action can be repeated.
 */
export function WritePage(props: { readonly client: ApiClient; readonly user: string }) {
  const { client, user } = props;
  const [task, setTask] = useState<TaskChoice>(initialTaskChoice);
  const [context, setContext] = useState<ContextValue>(emptyContext);
  const [draft, setDraft] = useState<Draft>();
  const [edited, setEdited] = useState('');
  const [result, setResult] = useState<LearnResult>();
  const [busy, setBusy] = useState<'drafting' | 'submitting'>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const requestDraft = async () => {
    if (busy) return;
    const apiTask = toApiTask(task);
    if ('problem' in apiTask) return setError(apiTask.problem);
    if (!context.text.trim()) {
      return setError(
        'The context is empty: paste a document or your notes, or pick a sample, then ask again.',
      );
    }
    setBusy('drafting');
    setError(undefined);
    setNotice(undefined);
    try {
      const next = await client.generate({
        user,
        task: apiTask.task,
        context: context.text,
        ...(context.contextId ? { contextId: context.contextId } : {}),
      });
      setDraft(next);
      setEdited(next.text);
      setResult(undefined);
    } catch (caught) {
      setError(`${describeApiError(caught)} Your context is kept.`);
    } finally {
      setBusy(undefined);
    }
  };

  const submitEdit = async () => {
    if (!draft || busy) return;
    setBusy('submitting');
    setError(undefined);
    setNotice(undefined);
    try {
      setResult(await client.learn(draft.interactionId, edited));
    } catch (caught) {
      if (ApiError.isInstance(caught) && caught.code === 'conflict') {
        await showStoredOutcome(draft.interactionId, caught);
      } else {
        setError(`${describeApiError(caught)} Your edit is still in the editor: submit it again when ready.`);
      }
    } finally {
      setBusy(undefined);
    }
  };

  // NOTE: a conflict after a failed attempt means the server stored the edit but its answer was lost;
  // show what it stored rather than an error.
  const showStoredOutcome = async (interactionId: string, conflict: ApiError) => {
    try {
      const stored = await client.interaction(interactionId);
      if (stored.edited === null) throw conflict;
      setEdited(stored.edited);
      setResult({
        interactionId,
        cost: stored.cost ?? 0,
        accepted: (stored.cost ?? 0) === 0,
        status: stored.status === 'learned' ? 'learned' : 'pending',
        inferredPreference: stored.preferenceInferred,
      });
      setNotice('This draft had already been answered; here is what Tailor recorded.');
    } catch (caught) {
      setError(describeApiError(caught));
    }
  };

  const startNext = () => {
    setDraft(undefined);
    setResult(undefined);
    setEdited('');
    setContext(emptyContext);
    setError(undefined);
    setNotice(undefined);
  };

  return (
    <div class="write-page">
      <section class="compose" aria-labelledby="compose-heading">
        <h2 id="compose-heading">Write</h2>
        <form
          aria-label="Ask for a draft"
          onSubmit={(event) => {
            event.preventDefault();
            void requestDraft();
          }}
        >
          <TaskPicker value={task} disabled={busy !== undefined} onChange={setTask} />
          <ContextInput
            client={client}
            sampleTasks={sampleTasksFor(task)}
            value={context}
            disabled={busy !== undefined}
            onChange={setContext}
            onSubmitShortcut={() => void requestDraft()}
          />
          <div class="actions">
            <button type="submit" class="primary" disabled={busy !== undefined}>
              {busy === 'drafting' ? 'Drafting…' : draft && !result ? 'Draft again' : 'Draft'}
            </button>
          </div>
        </form>
      </section>
      <section
        class="review"
        aria-label="Draft and edit"
        aria-busy={busy !== undefined ? 'true' : 'false'}
        data-testid="review"
      >
        <StatusMessage kind="error" testId="write-error">
          {error}
        </StatusMessage>
        <StatusMessage kind="info">{notice}</StatusMessage>
        {draft ? (
          <>
            <WhyThisDraft draft={draft} />
            <DraftEditor
              key={draft.interactionId}
              draft={draft.text}
              value={edited}
              busy={busy !== undefined}
              locked={result !== undefined}
              onChange={setEdited}
              onSubmit={() => void submitEdit()}
            />
            {result && (
              <>
                <LearnOutcome result={result} />
                <div class="actions">
                  <button type="button" class="primary" onClick={startNext}>
                    Next draft
                  </button>
                </div>
              </>
            )}
          </>
        ) : (
          <p class="placeholder">
            Your draft appears here. Edit it into what you would send; Tailor learns from the changes.
          </p>
        )}
      </section>
    </div>
  );
}
