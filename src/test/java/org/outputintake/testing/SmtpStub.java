package org.outputintake.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A small SMTP server on loopback that answers each RCPT TO by a rule, so tests can play what
 * GreenMail cannot: a 550 for one recipient, a 452 that clears later, a 552 for one message.
 * Everything it accepts is recorded.
 */
public final class SmtpStub implements AutoCloseable {
  /** A delivered message: its envelope recipients and its text. */
  public record Delivery(List<String> recipients, String data) {}

  private final ServerSocket server;
  private final Thread acceptor;
  private final List<Delivery> delivered = new CopyOnWriteArrayList<>();
  private final ConcurrentHashMap<String, String> rcptReplies = new ConcurrentHashMap<>();
  private volatile Function<String, String> dataReply = data -> null;
  private final java.util.concurrent.atomic.AtomicInteger sessions =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger logins =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile boolean down;
  // null: no AUTH offered; true: every login accepted; false: every login refused (535)
  private volatile Boolean acceptLogins;

  public SmtpStub() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "smtp-stub");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /**
   * The reply line RCPT TO gets for this address (e.g. {@code 550 5.1.1 no such user}); null
   * accepts it.
   */
  public void replyToRcpt(String address, String reply) {
    if (reply == null) rcptReplies.remove(address.toLowerCase(Locale.ROOT));
    else rcptReplies.put(address.toLowerCase(Locale.ROOT), reply);
  }

  /** The reply to the end of DATA, given the message text; null accepts it. */
  public void replyToData(Function<String, String> rule) {
    dataReply = rule;
  }

  /**
   * Whether the server is down: it greets each connection with a 421 and hangs up, as a server does
   * that is shutting down or overloaded.
   */
  public void down(boolean isDown) {
    down = isDown;
  }

  /** Offers AUTH PLAIN from now on, and accepts every login or refuses every one (535). */
  public void acceptLogins(boolean accept) {
    acceptLogins = accept;
  }

  /** How many connections were made to it, answered or not. */
  public int sessions() {
    return sessions.get();
  }

  /** How many logins were tried. */
  public int logins() {
    return logins.get();
  }

  public List<Delivery> delivered() {
    return List.copyOf(delivered);
  }

  public List<Delivery> deliveredTo(String address) {
    return delivered.stream()
        .filter(d -> d.recipients().contains(address.toLowerCase(Locale.ROOT)))
        .toList();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread t = new Thread(() -> serve(s), "smtp-stub-session");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream()) {
      socket.setSoTimeout(30_000);
      sessions.incrementAndGet();
      if (down) {
        say(out, "421 4.3.2 service not available");
        return;
      }
      say(out, "220 stub ESMTP");
      List<String> rcpts = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String cmd =
            line.length() >= 4
                ? line.substring(0, 4).toUpperCase(Locale.ROOT)
                : line.toUpperCase(Locale.ROOT);
        switch (cmd) {
          case "EHLO" ->
              say(
                  out,
                  "250-stub\r\n250-8BITMIME\r\n"
                      + (acceptLogins == null ? "" : "250-AUTH PLAIN\r\n")
                      + "250 SIZE 100000000");
          case "AUTH" -> {
            // the credentials come on the line or after a 334; neither is looked at
            if (line.trim().split("\\s+").length < 3) {
              say(out, "334 ");
              in.readLine();
            }
            logins.incrementAndGet();
            say(
                out,
                Boolean.TRUE.equals(acceptLogins)
                    ? "235 2.7.0 authenticated"
                    : "535 5.7.8 authentication failed");
          }
          case "HELO" -> say(out, "250 stub");
          case "MAIL" -> {
            rcpts.clear();
            say(out, "250 2.1.0 ok");
          }
          case "RCPT" -> {
            String addr =
                line.replaceAll("(?i)^RCPT TO:\\s*<?([^>]*)>?.*$", "$1")
                    .trim()
                    .toLowerCase(Locale.ROOT);
            String reply = rcptReplies.get(addr);
            if (reply == null) {
              rcpts.add(addr);
              say(out, "250 2.1.5 ok");
            } else {
              say(out, reply);
            }
          }
          case "DATA" -> {
            say(out, "354 go ahead");
            StringBuilder data = new StringBuilder();
            String l;
            while ((l = in.readLine()) != null && !l.equals("."))
              data.append(l.startsWith("..") ? l.substring(1) : l).append("\r\n");
            String reply = dataReply.apply(data.toString());
            if (reply == null) {
              delivered.add(new Delivery(List.copyOf(rcpts), data.toString()));
              say(out, "250 2.0.0 queued");
            } else {
              say(out, reply);
            }
            rcpts.clear();
          }
          case "RSET" -> {
            rcpts.clear();
            say(out, "250 ok");
          }
          case "NOOP" -> say(out, "250 ok");
          case "QUIT" -> {
            say(out, "221 bye");
            return;
          }
          default -> say(out, "502 5.5.2 command not recognised");
        }
      }
    } catch (IOException e) {
      // the client went away; the next session starts afresh
    }
  }

  private static void say(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
