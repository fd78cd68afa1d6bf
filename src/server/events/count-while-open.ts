/**
 * `body`, passed through unchanged, calling `onEnd` exactly once when it ends: read to its end,
 * failed, or cancelled (the client went away, the server shut down). For counting open event
 * streams without reaching into the routes that make them.
 *
 * @example new Response(countWhileOpen(stream, () => gauge.dec()), response)
 */
export function countWhileOpen(
  body: ReadableStream<Uint8Array>,
  onEnd: () => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    onEnd();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          end();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        end();
        controller.error(error);
      }
    },
    cancel(reason) {
      end();
      return reader.cancel(reason);
    },
  });
}
