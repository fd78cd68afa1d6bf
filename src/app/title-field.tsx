import { Link } from '@tanstack/react-router';
import { useId, useRef } from 'react';
import { describeTitleLimit } from './describe-limit.ts';
import { FieldLimit } from './field-limit.tsx';
import { findTakenTitle, type TakenTitle } from './title-taken.ts';
import { useLiveSelection } from './use-live-selection.ts';
import './editor-fields.css';

/**
 * The editor's `textbox` "Title", with the reasons a save of it would fail said at the field:
 * its length near the limit, and a title another document already has (with a link to that one).
 */
export function TitleField(props: {
  value: string;
  onChange: (title: string) => void;
  /** The document that had this title when a save was refused for it. */
  taken?: TakenTitle;
  /** A viewer's editor: the title can be read and copied, not changed. */
  readOnly?: boolean;
}) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  useLiveSelection(ref, props.value);
  const limit = describeTitleLimit(props.value);
  const taken = findTakenTitle(props.value, props.taken);
  return (
    <div className="field">
      <label htmlFor={`${id}-input`}>Title</label>
      <input
        id={`${id}-input`}
        ref={ref}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        readOnly={props.readOnly}
        aria-invalid={taken !== undefined || limit.level === 'over'}
        aria-describedby={`${id}-taken ${id}-limit`}
      />
      <span id={`${id}-taken`} className="field-problem">
        {taken && (
          <>
            Another document is already called{' '}
            <Link to="/docs/$id" params={{ id: taken.id }}>
              {taken.title}
            </Link>
            . Choose another title; your edits are kept.
          </>
        )}
      </span>
      <FieldLimit id={`${id}-limit`} limit={limit} />
    </div>
  );
}
