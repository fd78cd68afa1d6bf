import { Link, useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { ApiError, useCreateDocument } from '../client/index.ts';
import { problemTypes, type TitleTakenProblem } from '../protocol/index.ts';
import { describeError } from './describe-error.ts';

/** `/new`: a title, and Create. A double click creates one document (Idempotency-Key). */
export function CreateDocumentPage() {
  const [title, setTitle] = useState('');
  // One key per attempt at one title: a retry or double click replays, a new title is new.
  const [key, setKey] = useState(() => crypto.randomUUID());
  // `isPending` arrives with the next render, after a double click's second submit: a ref is
  // set at once. (The server would replay the first answer for the same key anyway.)
  const submitting = useRef(false);
  const create = useCreateDocument();
  const navigate = useNavigate();
  const taken = titleTakenOf(create.error);

  return (
    <section aria-labelledby="new-heading">
      <h1 id="new-heading">New document</h1>
      <form
        className="create-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (submitting.current) return;
          submitting.current = true;
          create.mutate(
            { input: { title, body: '' }, idempotencyKey: key },
            {
              onSuccess: ({ doc }) => void navigate({ to: '/docs/$id', params: { id: doc.id } }),
              onSettled: () => (submitting.current = false),
            },
          );
        }}
      >
        <label>
          Title
          <input
            value={title}
            required
            maxLength={200}
            onChange={(e) => {
              setTitle(e.target.value);
              setKey(crypto.randomUUID());
            }}
          />
        </label>
        <button type="submit" className="primary">
          Create
        </button>
      </form>
      {taken ? (
        <p role="alert">
          A document titled “{taken.existing.title}” already exists.{' '}
          <Link to="/docs/$id" params={{ id: taken.existing.id }}>
            Open it
          </Link>
          , or choose another title.
        </p>
      ) : (
        create.error && <p role="alert">{describeError(create.error)}</p>
      )}
    </section>
  );
}

function titleTakenOf(error: Error | null): TitleTakenProblem | undefined {
  if (error instanceof ApiError && error.problem?.type === problemTypes.titleTaken) {
    return error.problem as TitleTakenProblem;
  }
  return undefined;
}
