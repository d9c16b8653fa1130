import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/**
 * Test helpers: a real SMTP server on a free local port that keeps what it
 * receives, and a small MIME reader for the received messages.
 */

export interface MimePart {
  headers: Map<string, string>;
  contentType: string;
  /** Decoded body (text for text/*, utf-8 for the rest). */
  body: string;
  parts: MimePart[];
  filename: string | null;
}

export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  raw: string;
  root: MimePart;
  subject: string;
  from: string;
  to: string;
  text: string | null;
  html: string | null;
  /** Every leaf part that is an attachment or a text/calendar alternative. */
  calendars: MimePart[];
  attachments: MimePart[];
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  /** Recipients the server refuses: 550 (permanent) or 451 (temporary). */
  refuse: Map<string, 550 | 451>;
  /** Wait until `count` messages arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const refuse = new Map<string, 550 | 451>();
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "grappe" && auth.password === "secret") callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, callback) {
      const code = refuse.get(address.address.toLowerCase());
      if (!code) return callback();
      const error = new Error(code === 550 ? "Mailbox unavailable" : "Try again later") as Error & {
        responseCode: number;
      };
      error.responseCode = code;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push(readMail(raw, session.envelope));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://grappe:secret@127.0.0.1:${port}`,
    received,
    refuse,
    async waitFor(n, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} messages, received ${received.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readMail(
  raw: string,
  envelope: { mailFrom: false | { address: string }; rcptTo: { address: string }[] },
): ReceivedMail {
  const root = parsePart(raw);
  const leaves: MimePart[] = [];
  const walk = (p: MimePart) => (p.parts.length ? p.parts.forEach(walk) : leaves.push(p));
  walk(root);
  const isAttachment = (p: MimePart) => /^attachment/i.test(p.headers.get("content-disposition") ?? "");
  return {
    envelopeFrom: envelope.mailFrom ? envelope.mailFrom.address : "",
    envelopeTo: envelope.rcptTo.map((r) => r.address),
    raw,
    root,
    subject: decodeWords(root.headers.get("subject") ?? ""),
    from: decodeWords(root.headers.get("from") ?? ""),
    to: decodeWords(root.headers.get("to") ?? ""),
    // SMTP carries CRLF line ends: the texts are given back with \n as written.
    text:
      leaves.find((p) => /^text\/plain/i.test(p.contentType) && !isAttachment(p))?.body.replace(/\r\n/g, "\n") ?? null,
    html:
      leaves.find((p) => /^text\/html/i.test(p.contentType) && !isAttachment(p))?.body.replace(/\r\n/g, "\n") ?? null,
    calendars: leaves.filter((p) => /^(text\/calendar|application\/ics)/i.test(p.contentType)),
    attachments: leaves.filter(isAttachment),
  };
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

const param = (header: string, name: string) => new RegExp(`${name}="?([^";]+)"?`, "i").exec(header)?.[1] ?? null;

function parsePart(raw: string): MimePart {
  const split = raw.indexOf("\r\n\r\n");
  const headers = parseHeaders(split < 0 ? raw : raw.slice(0, split));
  const content = split < 0 ? "" : raw.slice(split + 4);
  const contentType = headers.get("content-type") ?? "text/plain";
  const filename =
    param(headers.get("content-disposition") ?? "", "filename") ?? param(headers.get("content-type") ?? "", "name");
  if (/^multipart\//i.test(contentType)) {
    const boundary = param(headers.get("content-type") ?? "", "boundary")!;
    const sections = content.split(`--${boundary}`).slice(1);
    const parts = sections
      .filter((s) => !s.startsWith("--"))
      .map((s) => parsePart(s.replace(/^\r\n/, "").replace(/\r\n$/, "")));
    return { headers, contentType, body: "", parts, filename };
  }
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  let bytes: Buffer;
  if (encoding === "base64") bytes = Buffer.from(content.replace(/\s+/g, ""), "base64");
  else if (encoding === "quoted-printable") bytes = decodeQuotedPrintable(content);
  else bytes = Buffer.from(content, "utf8");
  return { headers, contentType, body: bytes.toString("utf8"), parts: [], filename };
}

function decodeQuotedPrintable(text: string): Buffer {
  const soft = text.replace(/=\r\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i], "utf8"));
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=). */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_, _charset, kind: string, data: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/g, " ")).toString("utf8"),
    );
}
