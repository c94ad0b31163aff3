package org.outputintake.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.outputintake.config.ConfigException;
import org.outputintake.config.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations endpoint on the JDK's own HTTP server: {@code GET /health} and {@code GET
 * /metrics}, nothing else. One thread: an orchestrator's probe and a scraper every few seconds are
 * all it serves.
 */
final class OpsServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
  private final HttpServer http;
  private final ExecutorService executor;

  private OpsServer(HttpServer http, ExecutorService executor) {
    this.http = http;
    this.executor = executor;
  }

  /**
   * @throws ConfigException when the port cannot be had, saying which and what to do
   */
  static OpsServer start(
      ServerSettings settings, Supplier<Health> health, Supplier<String> metrics) {
    int port = settings.port().orElseThrow();
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(settings.address(), port), 16);
    } catch (BindException e) {
      throw new ConfigException(
          "server.port "
              + port
              + " on "
              + settings.address()
              + " is in use or not allowed ("
              + e.getMessage()
              + "): stop what holds it, or set another server.port",
          e);
    } catch (IOException e) {
      throw new ConfigException(
          "the operations endpoint cannot listen on "
              + settings.address()
              + ":"
              + port
              + " ("
              + ConfigException.reason(e)
              + "): check server.address and server.port",
          e);
    }
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "ops-http");
              t.setDaemon(true);
              return t;
            });
    http.setExecutor(executor);
    http.createContext(
        "/health",
        x -> {
          Health h = health.get();
          respond(
              x,
              h.verdict() == Health.Verdict.HEALTHY ? 200 : 503,
              "text/plain; charset=utf-8",
              h.body());
        });
    http.createContext(
        "/metrics",
        x -> respond(x, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
    http.createContext("/", x -> respond(x, 404, "text/plain; charset=utf-8", "not found\n"));
    http.start();
    LOG.info(
        "operations endpoint on http://{}:{}/health and /metrics",
        settings.address(),
        http.getAddress().getPort());
    return new OpsServer(http, executor);
  }

  /** The port listened on: the one configured, or the one the system chose for port 0. */
  int port() {
    return http.getAddress().getPort();
  }

  private static void respond(HttpExchange x, int status, String type, String body)
      throws IOException {
    try (x) {
      String method = x.getRequestMethod();
      boolean exact = x.getRequestURI().getPath().equals(x.getHttpContext().getPath());
      if (!exact && status != 404) {
        status = 404;
        body = "not found\n";
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        x.getResponseHeaders().set("Allow", "GET, HEAD");
        status = 405;
        body = "only GET\n";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", type);
      x.getResponseHeaders().set("Cache-Control", "no-store");
      if (method.equals("HEAD")) {
        x.sendResponseHeaders(status, -1);
        return;
      }
      x.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(bytes);
      }
    } catch (RuntimeException e) {
      // a broken probe must not stop the endpoint; the exchange is closed by try-with-resources
      LOG.warn(
          "operations endpoint could not answer {}: {}",
          x.getRequestURI().getPath(),
          e.getMessage());
    }
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }
}
