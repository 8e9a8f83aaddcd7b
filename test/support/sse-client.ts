// A minimal Server-Sent Events client over Node's fetch for tests: collects messages and comments, waits for one.
export interface SseMessage {
  id?: string;
  event: string;
  data: any;
  receivedAt: number;
}

export class SseClient {
  readonly messages: SseMessage[] = [];
  readonly comments: string[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(
    readonly status: number,
    readonly headers: Headers,
    private readonly abort: AbortController,
  ) {}

  /** Opens the stream; resolves once the response headers arrived (the server is subscribed by then). */
  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const abort = new AbortController();
    const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
    const client = new SseClient(res.status, res.headers, abort);
    if (res.body) void client.read(res.body);
    return client;
  }

  /** The first message (already received or arriving within `timeoutMs`) that matches. */
  waitFor(match: (m: SseMessage) => boolean, timeoutMs = 2000, what = 'a matching event'): Promise<SseMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.find(match);
        if (!found) return false;
        clearTimeout(timer);
        this.waiters.delete(onChange);
        resolve(found);
        return true;
      };
      const onChange = () => void check();
      const timer = setTimeout(() => {
        this.waiters.delete(onChange);
        reject(new Error(`no ${what} within ${timeoutMs} ms; got: ${this.messages.map((m) => `${m.id}:${m.event}`).join(', ') || 'nothing'}`));
      }, timeoutMs);
      if (!check()) this.waiters.add(onChange);
    });
  }

  close(): void {
    this.abort.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted by close()
    }
  }

  private parse(block: string): void {
    const message: Partial<SseMessage> = {};
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('id: ')) message.id = line.slice(4);
      else if (line.startsWith('event: ')) message.event = line.slice(7);
      else if (line.startsWith('data: ')) message.data = JSON.parse(line.slice(6));
    }
    if (message.event) this.messages.push({ ...(message as SseMessage), receivedAt: Date.now() });
    for (const waiter of this.waiters) waiter();
  }
}
