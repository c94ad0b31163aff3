package org.outputintake.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sockets with Nagle's algorithm off. IMAP and SMTP are chatty request-reply protocols of small
 * writes; with Nagle on, a write that follows another unacknowledged one waits for the peer's
 * delayed ACK (40 ms on Linux), and a poll or a send of a few round trips pays that several times
 * over.
 */
final class NoDelaySockets extends SocketFactory {
  private final SocketFactory delegate;

  private NoDelaySockets(SocketFactory delegate) {
    this.delegate = delegate;
  }

  static SocketFactory plain() {
    return new NoDelaySockets(SocketFactory.getDefault());
  }

  static SocketFactory tls() {
    return new NoDelaySockets(SSLSocketFactory.getDefault());
  }

  private static Socket tune(Socket s) throws IOException {
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket() throws IOException {
    return tune(delegate.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return tune(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return tune(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return tune(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return tune(delegate.createSocket(address, port, localAddress, localPort));
  }
}
