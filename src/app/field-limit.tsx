import type { LimitState } from './describe-limit.ts';

/**
 * A field's counter: always in the page (a live region must exist before it speaks), empty until
 * the field nears its limit, then how much is left or how much to cut, read out politely.
 */
export function FieldLimit(props: { id: string; limit: LimitState }) {
  const { limit } = props;
  return (
    <span
      id={props.id}
      className={limit.level === 'over' ? 'field-limit field-limit--over' : 'field-limit'}
      aria-live="polite"
    >
      {limit.level === 'ok' ? '' : limit.message}
    </span>
  );
}
