import { useDeferredValue, useId, useMemo, useRef } from 'react';
import { describeBodyLimit } from './describe-limit.ts';
import { FieldLimit } from './field-limit.tsx';
import { useLiveSelection } from './use-live-selection.ts';
import './editor-fields.css';

/**
 * The editor's `textbox` "Body": keeps the caret where it was through a live update, and shows
 * how much room is left, in words, as the text nears the size the server accepts.
 */
export function BodyField(props: {
  value: string;
  /** The title saved with it: the server's size limit is for the whole request. */
  title: string;
  onChange: (body: string) => void;
  hidden?: boolean;
  /** A viewer's editor: the body can be read and copied, not changed. */
  readOnly?: boolean;
}) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  useLiveSelection(ref, props.value);
  // Measuring megabytes takes milliseconds: let typing go first.
  const body = useDeferredValue(props.value);
  const limit = useMemo(() => describeBodyLimit({ title: props.title, body }), [props.title, body]);
  return (
    <div className="field field--grow">
      <label htmlFor={`${id}-input`}>Body</label>
      <textarea
        id={`${id}-input`}
        ref={ref}
        value={props.value}
        hidden={props.hidden}
        onChange={(e) => props.onChange(e.target.value)}
        readOnly={props.readOnly}
        aria-invalid={limit.level === 'over'}
        aria-describedby={`${id}-limit`}
        spellCheck
      />
      <FieldLimit id={`${id}-limit`} limit={limit} />
    </div>
  );
}
