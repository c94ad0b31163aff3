package org.outputintake.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback in front of a server that can cut a connection in the middle of what the
 * server is sending: the first connection to carry more than {@link #cutAfter} bytes from the
 * server is dropped there, as a failing network or a restarting server drops it.
 */
public final class CuttingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int target;
  private final AtomicLong cutAfter = new AtomicLong(Long.MAX_VALUE);

  public CuttingProxy(int target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "cutting-proxy");
    t.setDaemon(true);
    t.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Cuts the next connection once the server has sent it this many bytes; only once. */
  public void cutAfter(long bytes) {
    cutAfter.set(bytes);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        pump(client.getInputStream(), upstream.getOutputStream(), client, upstream, false);
        pump(upstream.getInputStream(), client.getOutputStream(), client, upstream, true);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(InputStream in, OutputStream out, Socket a, Socket b, boolean fromServer) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[8192];
              long sent = 0;
              try {
                for (int n; (n = in.read(buf)) > 0; ) {
                  long limit = fromServer ? cutAfter.get() : Long.MAX_VALUE;
                  if (sent + n > limit && cutAfter.compareAndSet(limit, Long.MAX_VALUE)) {
                    out.write(buf, 0, (int) (limit - sent));
                    out.flush();
                    break;
                  }
                  out.write(buf, 0, n);
                  out.flush();
                  sent += n;
                }
              } catch (IOException e) {
                // one side went away; close both
              }
              closeQuietly(a);
              closeQuietly(b);
            },
            "cutting-proxy-pump");
    t.setDaemon(true);
    t.start();
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
