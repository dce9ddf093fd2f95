import net from "node:net";

/**
 * A small, real SMTP server on loopback for the delivery tests (node:net, no packages): it
 * speaks enough SMTP for nodemailer (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and can be told
 * to misbehave the way real servers do: stop listening, answer 451 (try again later) or 550
 * (refused for good), or take its time before it answers.
 */

interface ReceivedMessage {
  from: string;
  to: string[];
  data: string;
  messageId: string | null;
}

interface SmtpBehaviour {
  /** answer 451 to this many DATA commands first (each one counts down) */
  tempFailData: number;
  /** addresses refused with 550 at RCPT */
  refuse: Set<string>;
  /** wait this long before answering the end of DATA */
  delayMs: number;
}

export interface TestSmtpServer {
  port: number;
  url: string;
  received: ReceivedMessage[];
  behaviour: SmtpBehaviour;
  /** DATA commands answered 451 so far */
  refusedData: number;
  /** stop listening (connections are refused), keeping the port */
  stop(): Promise<void>;
  /** listen again on the same port */
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const sockets = new Set<net.Socket>();
  const state: TestSmtpServer = {
    port,
    url: "",
    received: [],
    behaviour: { tempFailData: 0, refuse: new Set(), delayMs: 0 },
    refusedData: 0,
    stop: async () => {},
    start: async () => {},
    close: async () => {},
  };
  let server: net.Server | null = null;

  const handle = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    let buffer = "";
    let inData = false;
    let envelope: { from: string; to: string[] } = { from: "", to: [] };
    const reply = (line: string) => {
      if (!socket.destroyed) socket.write(`${line}\r\n`);
    };
    reply("220 localhost ESMTP test");
    socket.on("data", async (chunk) => {
      buffer += chunk.toString("utf8");
      while (true) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          const data = buffer.slice(0, end).replace(/^\.\./gm, ".");
          buffer = buffer.slice(end + 5);
          inData = false;
          socket.pause();
          if (state.behaviour.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.behaviour.delayMs));
          socket.resume();
          if (state.behaviour.tempFailData > 0) {
            state.behaviour.tempFailData -= 1;
            state.refusedData += 1;
            reply("451 4.3.0 Try again later");
          } else {
            const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(data)?.[1] ?? null;
            state.received.push({ ...envelope, data, messageId });
            reply("250 2.0.0 Accepted");
          }
          envelope = { from: "", to: [] };
          continue;
        }
        const newline = buffer.indexOf("\r\n");
        if (newline === -1) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const command = line.slice(0, 4).toUpperCase();
        if (command === "EHLO") reply("250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8");
        else if (command === "HELO") reply("250 localhost");
        else if (command === "MAIL") {
          envelope = { from: /<([^>]*)>/.exec(line)?.[1] ?? "", to: [] };
          reply("250 2.1.0 OK");
        } else if (command === "RCPT") {
          const to = /<([^>]*)>/.exec(line)?.[1] ?? "";
          if (state.behaviour.refuse.has(to)) reply("550 5.1.1 No such user");
          else {
            envelope.to.push(to);
            reply("250 2.1.5 OK");
          }
        } else if (command === "DATA") {
          inData = true;
          reply("354 End data with <CR><LF>.<CR><LF>");
        } else if (command === "RSET") {
          envelope = { from: "", to: [] };
          reply("250 2.0.0 OK");
        } else if (command === "NOOP") reply("250 2.0.0 OK");
        else if (command === "QUIT") {
          reply("221 2.0.0 Bye");
          socket.end();
        } else reply("502 5.5.2 Command not implemented");
      }
    });
  };

  state.start = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer(handle);
      server.once("error", reject);
      server.listen(state.port, "127.0.0.1", () => {
        state.port = (server!.address() as net.AddressInfo).port;
        state.url = `smtp://127.0.0.1:${state.port}`;
        resolve();
      });
    });
  state.stop = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = null;
  };
  state.close = state.stop;
  await state.start();
  return state;
}
