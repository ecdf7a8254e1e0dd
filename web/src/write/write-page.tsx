import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import { ApiError, describeApiError } from '../api/api-error.js';
import type { Draft, LearnResult } from '../api/types.js';
import { ConfirmDialog } from '../shared/confirm-dialog.js';
import { StatusMessage } from '../shared/status-message.js';
import { ContextInput, type ContextValue } from './context-input.js';
import { DraftEditor } from './draft-editor.js';
import { LearnOutcome } from './learn-outcome.js';
import { initialTaskChoice, sampleTasksFor, toApiTask, type TaskChoice } from './task-choice.js';
import { TaskPicker } from './task-picker.js';
import { WhyThisDraft } from './why-this-draft.js';
import { loadWork, saveWork } from './work-in-progress.js';

const emptyContext: ContextValue = { text: '', contextId: undefined };

/** What the person is asked to confirm before their edited draft would be thrown away. */
type PendingLoss = 'replace' | 'discard';

/**
 * Write: pick a task and a context, get a draft (with why it looks the way it does), edit it in
 * place, submit, and see what Tailor learned from it, with Undo. Edits are never lost: the task,
 * context, draft and edit are kept in the browser until submitted, replacing or discarding an edited
 * draft asks first, leaving the page with one warns, and on any failure the text stays.
 */
export function WritePage(props: { readonly client: ApiClient; readonly user: string }) {
  const { client, user } = props;
  const [restored] = useState(() => loadWork(window.localStorage, user));
  const [task, setTask] = useState<TaskChoice>(restored?.task ?? initialTaskChoice);
  const [context, setContext] = useState<ContextValue>(restored?.context ?? emptyContext);
  const [draft, setDraft] = useState<Draft | undefined>(restored?.draft);
  const [edited, setEdited] = useState(restored?.edited ?? '');
  const [result, setResult] = useState<LearnResult>();
  const [busy, setBusy] = useState<'drafting' | 'submitting'>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string | undefined>(
    restored?.draft
      ? 'Your unsent draft and edit were kept in this browser; carry on where you left off.'
      : undefined,
  );
  const [pendingLoss, setPendingLoss] = useState<PendingLoss>();

  const unsentEdit = draft !== undefined && result === undefined && edited !== draft.text;

  useEffect(() => {
    saveWork(
      window.localStorage,
      user,
      result
        ? { task, context: emptyContext, draft: undefined, edited: '' }
        : { task, context, draft, edited },
    );
  }, [user, task, context, draft, edited, result]);

  useEffect(() => {
    if (!unsentEdit) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsentEdit]);

  const requestDraft = async (options: { confirmed?: boolean } = {}) => {
    if (busy) return;
    const apiTask = toApiTask(task);
    if ('problem' in apiTask) return setError(apiTask.problem);
    if (!context.text.trim()) {
      return setError(
        'The context is empty: paste a document or your notes, or pick a sample, then ask again.',
      );
    }
    if (unsentEdit && !options.confirmed) return setPendingLoss('replace');
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

  const discardDraft = (options: { confirmed?: boolean } = {}) => {
    if (unsentEdit && !options.confirmed) return setPendingLoss('discard');
    setDraft(undefined);
    setEdited('');
    setResult(undefined);
    setError(undefined);
    setNotice('Draft discarded. Your context is still here.');
  };

  const startNext = () => {
    setDraft(undefined);
    setResult(undefined);
    setEdited('');
    setContext(emptyContext);
    setError(undefined);
    setNotice(undefined);
  };

  const awaitingAnswer = draft !== undefined && result === undefined;
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
            <button
              type="submit"
              class={awaitingAnswer ? undefined : 'primary'}
              disabled={busy !== undefined}
            >
              {busy === 'drafting' ? 'Drafting…' : awaitingAnswer ? 'Draft again' : 'Draft'}
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
            {!(result && !draft.preferenceUsed) && <WhyThisDraft draft={draft} />}
            <DraftEditor
              key={draft.interactionId}
              draft={draft.text}
              value={edited}
              busy={busy !== undefined}
              locked={result !== undefined}
              outcome={
                result && <LearnOutcome client={client} user={user} result={result} onNext={startNext} />
              }
              onChange={setEdited}
              onSubmit={() => void submitEdit()}
              onDiscard={() => discardDraft()}
            />
          </>
        ) : (
          <p class="placeholder">
            Your draft appears here. Edit it into what you would send; Tailor learns from the changes.
          </p>
        )}
      </section>
      <ConfirmDialog
        open={pendingLoss !== undefined}
        title={pendingLoss === 'replace' ? 'Replace your edited draft?' : 'Discard your edited draft?'}
        cancelLabel="Keep editing"
        confirmLabel={pendingLoss === 'replace' ? 'Replace it' : 'Discard it'}
        onCancel={() => setPendingLoss(undefined)}
        onConfirm={() => {
          const loss = pendingLoss;
          setPendingLoss(undefined);
          if (loss === 'replace') void requestDraft({ confirmed: true });
          else discardDraft({ confirmed: true });
        }}
      >
        <p>
          You changed this draft but have not submitted it.{' '}
          {pendingLoss === 'replace' ? 'A new draft' : 'Discarding'} throws your changes away, and Tailor will
          not learn from them. Submit the edit first to keep it.
        </p>
      </ConfirmDialog>
    </div>
  );
}
