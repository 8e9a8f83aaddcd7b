// A real SMTP server on 127.0.0.1 for notification tests (smtp-server): keeps each parsed mail; can refuse recipients.
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  language: string;
}

export class SmtpReceiver {
  readonly mails: ReceivedMail[] = [];
  private server?: SMTPServer;

  /** `refuse(address)` true = the server answers 550 to that recipient. */
  constructor(private readonly refuse: (to: string) => boolean = () => false) {}

  async start(): Promise<string> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, done) => (this.refuse(address.address) ? done(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 })) : done()),
      onData: (stream, _session, done) => {
        simpleParser(stream).then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          this.mails.push({ to: to?.value[0]?.address ?? '', subject: mail.subject ?? '', text: mail.text ?? '', messageId: mail.messageId ?? '', language: String(mail.headers.get('content-language') ?? '') });
          done();
        }, done);
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to === address);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/** The status-page token in a message's link. */
export function statusToken(text: string): string {
  const match = /\/status\/([A-Za-z0-9_-]{43})/.exec(text);
  if (!match) throw new Error(`no status link in: ${text}`);
  return match[1];
}
