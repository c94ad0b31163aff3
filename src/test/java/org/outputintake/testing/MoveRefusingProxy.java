package org.outputintake.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on loopback in front of an IMAP server that drops the connection when the client asks
 * to MOVE (or COPY) a message it was told to refuse, as a server does that fails on one message it
 * cannot handle. It follows each connection's message sequence numbers (from the server's FETCH,
 * EXISTS and EXPUNGE responses) so that a move by sequence number is recognised by the message's
 * UID.
 */
public final class MoveRefusingProxy implements AutoCloseable {
  private static final Pattern EXISTS = Pattern.compile("^\\* (\\d+) EXISTS");
  private static final Pattern EXPUNGE = Pattern.compile("^\\* (\\d+) EXPUNGE");
  private static final Pattern FETCH_UID = Pattern.compile("^\\* (\\d+) FETCH \\(.*\\bUID (\\d+)");
  private static final Pattern MOVE =
      Pattern.compile("^\\S+ (UID )?(MOVE|COPY) (\\S+) ", Pattern.CASE_INSENSITIVE);
  private static final Pattern SELECT =
      Pattern.compile("^\\S+ (SELECT|EXAMINE) ", Pattern.CASE_INSENSITIVE);

  private final ServerSocket server;
  private final int target;
  private final Set<Long> refused = ConcurrentHashMap.newKeySet();
  private final AtomicInteger refusals = new AtomicInteger();

  public MoveRefusingProxy(int target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "move-refusing-proxy");
    t.setDaemon(true);
    t.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Every later MOVE or COPY that includes this UID loses its connection. */
  public void refuse(long uid) {
    refused.add(uid);
  }

  /** The server moves everything again. */
  public void allowAll() {
    refused.clear();
  }

  /** How many connections were dropped on a refused move. */
  public int refusals() {
    return refusals.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        // IMAP is small request-reply exchanges: Nagle would hold each line for a delayed ACK
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        List<Long> uidBySeq = new ArrayList<>();
        pump(
            new BufferedInputStream(client.getInputStream()),
            upstream.getOutputStream(),
            client,
            upstream,
            uidBySeq,
            false);
        pump(
            new BufferedInputStream(upstream.getInputStream()),
            client.getOutputStream(),
            client,
            upstream,
            uidBySeq,
            true);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(
      InputStream in,
      OutputStream out,
      Socket a,
      Socket b,
      List<Long> uidBySeq,
      boolean fromServer) {
    Thread t =
        new Thread(
            () -> {
              ByteArrayOutputStream line = new ByteArrayOutputStream();
              try {
                for (int c; (c = in.read()) >= 0; ) {
                  line.write(c);
                  if (c != '\n') continue;
                  String text = line.toString(StandardCharsets.ISO_8859_1);
                  if (!fromServer && refuses(text, uidBySeq)) {
                    refusals.incrementAndGet();
                    break;
                  }
                  if (fromServer) follow(text, uidBySeq);
                  line.writeTo(out);
                  out.flush();
                  line.reset();
                }
              } catch (IOException e) {
                // one side went away; close both
              }
              closeQuietly(a);
              closeQuietly(b);
            },
            "move-refusing-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void follow(String line, List<Long> uidBySeq) {
    synchronized (uidBySeq) {
      Matcher m;
      if ((m = EXISTS.matcher(line)).find()) {
        int n = Integer.parseInt(m.group(1));
        while (uidBySeq.size() < n) uidBySeq.add(null);
      } else if ((m = EXPUNGE.matcher(line)).find()) {
        int n = Integer.parseInt(m.group(1));
        if (n <= uidBySeq.size()) uidBySeq.remove(n - 1);
      } else if ((m = FETCH_UID.matcher(line)).find()) {
        int n = Integer.parseInt(m.group(1));
        while (uidBySeq.size() < n) uidBySeq.add(null);
        uidBySeq.set(n - 1, Long.parseLong(m.group(2)));
      }
    }
  }

  private boolean refuses(String line, List<Long> uidBySeq) {
    synchronized (uidBySeq) {
      if (SELECT.matcher(line).find()) uidBySeq.clear();
      Matcher m = MOVE.matcher(line);
      if (!m.find()) return false;
      boolean byUid = m.group(1) != null;
      for (String range : m.group(3).split(",")) {
        String[] ends = range.split(":");
        long from = Long.parseLong(ends[0]);
        long to = ends.length > 1 ? Long.parseLong(ends[1]) : from;
        for (long i = Math.min(from, to); i <= Math.max(from, to); i++) {
          Long uid =
              byUid ? Long.valueOf(i) : i <= uidBySeq.size() ? uidBySeq.get((int) i - 1) : null;
          if (uid != null && refused.contains(uid)) return true;
        }
      }
      return false;
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
