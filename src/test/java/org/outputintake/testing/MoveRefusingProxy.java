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
 * cannot handle; and that answers {@code NO} to the FETCH of the body of a message it was told to
 * hold unreadable, keeping the connection, as a server answers for a message it holds corrupt. It
 * follows each connection's message sequence numbers (from the server's FETCH, EXISTS and EXPUNGE
 * responses) so that a move by sequence number is recognised by the message's UID.
 */
public final class MoveRefusingProxy implements AutoCloseable {
  private static final Pattern EXISTS = Pattern.compile("^\\* (\\d+) EXISTS");
  private static final Pattern EXPUNGE = Pattern.compile("^\\* (\\d+) EXPUNGE");
  private static final Pattern FETCH_UID = Pattern.compile("^\\* (\\d+) FETCH \\(.*\\bUID (\\d+)");
  private static final Pattern MOVE =
      Pattern.compile("^\\S+ (UID )?(MOVE|COPY) (\\S+) ", Pattern.CASE_INSENSITIVE);
  private static final Pattern FETCH_BODY =
      Pattern.compile("^(\\S+) (UID )?FETCH (\\S+) \\(.*BODY", Pattern.CASE_INSENSITIVE);
  private static final Pattern SELECT =
      Pattern.compile("^\\S+ (SELECT|EXAMINE) ", Pattern.CASE_INSENSITIVE);

  private final ServerSocket server;
  private final int target;
  private final Set<Long> refused = ConcurrentHashMap.newKeySet();
  private final AtomicInteger refusals = new AtomicInteger();
  private final Set<Long> unreadable = ConcurrentHashMap.newKeySet();
  private final AtomicInteger fetchesRefused = new AtomicInteger();

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

  /** Every later FETCH of this message's body is answered NO; the connection stays. */
  public void refuseFetch(long uid) {
    unreadable.add(uid);
  }

  /** How many fetches were answered NO. */
  public int fetchesRefused() {
    return fetchesRefused.get();
  }

  /** The server moves and hands over everything again. */
  public void allowAll() {
    refused.clear();
    unreadable.clear();
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
        OutputStream toClient = client.getOutputStream();
        pump(
            new BufferedInputStream(client.getInputStream()),
            upstream.getOutputStream(),
            toClient,
            client,
            upstream,
            uidBySeq,
            false);
        pump(
            new BufferedInputStream(upstream.getInputStream()),
            toClient,
            toClient,
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
      OutputStream toClient,
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
                  String tag = fromServer ? null : unreadableFetch(text, uidBySeq);
                  // both directions write to the client: one line at a time
                  synchronized (toClient) {
                    if (tag != null) {
                      fetchesRefused.incrementAndGet();
                      toClient.write(
                          (tag + " NO [UNAVAILABLE] this message cannot be read\r\n")
                              .getBytes(StandardCharsets.ISO_8859_1));
                      toClient.flush();
                    } else {
                      line.writeTo(out);
                      out.flush();
                    }
                  }
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

  /** The tag of a FETCH of an unreadable message's body, or null. */
  private String unreadableFetch(String line, List<Long> uidBySeq) {
    Matcher m = FETCH_BODY.matcher(line);
    if (!m.find()) return null;
    boolean byUid = m.group(2) != null;
    synchronized (uidBySeq) {
      for (long i : numbers(m.group(3))) {
        Long uid =
            byUid ? Long.valueOf(i) : i <= uidBySeq.size() ? uidBySeq.get((int) i - 1) : null;
        if (uid != null && unreadable.contains(uid)) return m.group(1);
      }
    }
    return null;
  }

  private static List<Long> numbers(String set) {
    List<Long> out = new ArrayList<>();
    for (String range : set.split(",")) {
      String[] ends = range.split(":");
      if (ends[0].equals("*") || (ends.length > 1 && ends[1].equals("*"))) continue;
      long from = Long.parseLong(ends[0]);
      long to = ends.length > 1 ? Long.parseLong(ends[1]) : from;
      for (long i = Math.min(from, to); i <= Math.max(from, to); i++) out.add(i);
    }
    return out;
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
