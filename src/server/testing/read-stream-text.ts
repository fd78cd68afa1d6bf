/**
 * Reads a streamed answer (an event stream) as text, for tests that wait for what it says.
 *
 * @example
 * const stream = readStreamText(await app.request('/api/events'));
 * await stream.waitFor('event: version');
 */
export function readStreamText(res: Response) {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  return {
    /** Reads until `fragment` has arrived; returns everything read so far. */
    async waitFor(fragment: string): Promise<string> {
      while (!text.includes(fragment)) {
        const { done, value } = await reader.read();
        if (done) throw new Error(`stream ended before ${JSON.stringify(fragment)}:\n${text}`);
        text += value;
      }
      return text;
    },
    /** Reads to the end of the stream. */
    async readToEnd(): Promise<string> {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return text;
        text += value;
      }
    },
    cancel: () => reader.cancel(),
  };
}
