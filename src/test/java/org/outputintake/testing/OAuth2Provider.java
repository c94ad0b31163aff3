package org.outputintake.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import kotlin.jvm.functions.Function1;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.OAuth2HttpServer;
import no.nav.security.mock.oauth2.http.Ssl;
import no.nav.security.mock.oauth2.http.SslKeystore;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.Headers;

/**
 * A real OAuth2 server in-process (NAV's mock-oauth2-server) issuing signed JWT access tokens with
 * a chosen lifetime. Every token it issues is handed to {@code onIssued}: the tests give it to
 * GreenMail as the mailbox's password, which is how GreenMail checks an XOAUTH2 login, so the mail
 * server accepts exactly the latest token the OAuth2 server issued. The server has no client
 * registry, so a revoked client is played at its front door: {@link #refuseClients} answers every
 * token request with the provider's error until {@link #acceptClients}.
 */
public final class OAuth2Provider implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MockOAuth2Server server;
  private final Front front;
  private final List<String> issued = new CopyOnWriteArrayList<>();
  private final Consumer<String> onIssued;
  private volatile String refusal;
  private volatile int refusalStatus;
  private volatile boolean down;

  /**
   * @param https whether it serves TLS with its own self-signed certificate (MSAL accepts no other
   *     scheme); see {@link #trustingSslContext()}
   */
  public OAuth2Provider(
      boolean https, String issuer, Duration lifetime, Consumer<String> onIssued) {
    this.onIssued = onIssued;
    this.front =
        new Front(
            https ? new NettyWrapper(new Ssl(new SslKeystore())) : new MockWebServerWrapper());
    DefaultOAuth2TokenCallback callback =
        new DefaultOAuth2TokenCallback(
            issuer, "intake-bot", "JWT", List.of("mail"), Map.of(), lifetime.toSeconds());
    this.server =
        new MockOAuth2Server(
            new OAuth2Config(
                false,
                null,
                null,
                false,
                new OAuth2TokenProvider(),
                java.util.Set.of(callback),
                front));
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  /** The token endpoint of an issuer, e.g. for a generic provider's token-url. */
  public String tokenUrl(String issuer) {
    return server.tokenEndpointUrl(issuer).toString().replace("127.0.0.1", "localhost");
  }

  public String baseUrl() {
    return server.baseUrl().toString().replace("127.0.0.1", "localhost");
  }

  /** Every access token issued so far, oldest first. */
  public List<String> issued() {
    return List.copyOf(issued);
  }

  /**
   * Answers every token request with this OAuth2 error, as a provider does for a revoked client.
   */
  public void refuseClients(int status, String error, String description) {
    refusalStatus = status;
    refusal =
        "{\"error\":\""
            + error
            + "\",\"error_description\":\""
            + description.replace("\"", "'")
            + "\"}";
  }

  public void acceptClients() {
    refusal = null;
  }

  /** Answers every request 503 (the endpoint down) until {@link #up()}. */
  public void down() {
    down = true;
  }

  public void up() {
    down = false;
  }

  /** An SSL context that trusts this server's self-signed certificate. */
  public SSLContext trustingSslContext() throws Exception {
    KeyStore own = front.delegate.sslConfig().getSslKeystore().getKeyStore();
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    for (String alias : java.util.Collections.list(own.aliases())) {
      Certificate c = own.getCertificate(alias);
      if (c != null) trust.setCertificateEntry(alias, c);
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  @Override
  public void close() {
    server.shutdown();
  }

  private OAuth2HttpResponse handle(
      Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> real, OAuth2HttpRequest request) {
    boolean tokenRequest = request.getUrl().encodedPath().endsWith("/token");
    if (tokenRequest && down) return answer(503, "{\"error\":\"temporarily_unavailable\"}");
    if (tokenRequest && refusal != null) return answer(refusalStatus, refusal);
    OAuth2HttpResponse response = real.invoke(request);
    if (tokenRequest && response.getStatus() == 200 && response.getBody() != null) {
      try {
        JsonNode n = JSON.readTree(response.getBody());
        String token = n.path("access_token").asText(null);
        if (token != null) {
          issued.add(token);
          onIssued.accept(token);
        }
      } catch (java.io.IOException e) {
        throw new IllegalStateException("the mock server's token answer is not JSON", e);
      }
    }
    return response;
  }

  private static OAuth2HttpResponse answer(int status, String json) {
    return new OAuth2HttpResponse(
        Headers.of("Content-Type", "application/json;charset=UTF-8"),
        status,
        json,
        json.getBytes(StandardCharsets.UTF_8));
  }

  /** The server's HTTP front, passing every request to the real handler and watching tokens. */
  private final class Front implements OAuth2HttpServer {
    private final OAuth2HttpServer delegate;

    Front(OAuth2HttpServer delegate) {
      this.delegate = delegate;
    }

    @Override
    public OAuth2HttpServer start(
        InetAddress address,
        int port,
        Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> handler) {
      delegate.start(address, port, request -> handle(handler, request));
      return this;
    }

    @Override
    public OAuth2HttpServer start(
        Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> handler) {
      return start(InetAddress.getLoopbackAddress(), 0, handler);
    }

    @Override
    public OAuth2HttpServer start(
        int port, Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> handler) {
      return start(InetAddress.getLoopbackAddress(), port, handler);
    }

    @Override
    public OAuth2HttpServer stop() {
      delegate.stop();
      return this;
    }

    @Override
    public void close() {
      delegate.close();
    }

    @Override
    public int port() {
      return delegate.port();
    }

    @Override
    public okhttp3.HttpUrl url(String path) {
      return delegate.url(path);
    }

    @Override
    public Ssl sslConfig() {
      return delegate.sslConfig();
    }
  }
}
