package org.outputintake.config;

import java.util.OptionalInt;

/**
 * The operations endpoint ({@code server:}): {@code GET /health} and {@code GET /metrics} over
 * plain HTTP for an orchestrator or a Prometheus scraper. Off unless a port is set; bound to the
 * loopback address unless told otherwise, because neither page is meant for the open network.
 *
 * @param port the TCP port, empty when off; 0 (tests only) takes any free port
 * @param address the address to listen on, e.g. 127.0.0.1 or 0.0.0.0
 */
public record ServerSettings(OptionalInt port, String address) {
  public static final String DEFAULT_ADDRESS = "127.0.0.1";
  public static final ServerSettings OFF = new ServerSettings(OptionalInt.empty(), DEFAULT_ADDRESS);

  public ServerSettings {
    port = port == null ? OptionalInt.empty() : port;
    address = address == null || address.isBlank() ? DEFAULT_ADDRESS : address.trim();
    if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65535))
      throw new ConfigException(
          "server.port is "
              + port.getAsInt()
              + ", not a port number: write one from 1 to 65535, e.g. 9464, or leave it out to"
              + " open no HTTP port");
    if (address.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch == '/'))
      throw new ConfigException(
          "server.address is '"
              + address
              + "', not an address: write an IP address such as 127.0.0.1 (this machine only,"
              + " the default) or 0.0.0.0 (every interface), without http:// or a port");
  }

  /** Listening on {@code port} (0 for any free one) at the default address. */
  public static ServerSettings on(int port) {
    return new ServerSettings(OptionalInt.of(port), DEFAULT_ADDRESS);
  }

  public boolean enabled() {
    return port.isPresent();
  }
}
