package ca.gouv.qc.declarationsia.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real HTTP against the test's server, as a script or a browser session would send it: Basic credentials, or a
 * signed-in session with its cookies and CSRF token. Paths are sent as written, encoded bytes included.
 */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private final String authorization;
    private String csrfToken;

    private Http(String base, HttpClient client, String authorization) {
        this.base = base;
        this.client = client;
        this.authorization = authorization;
    }

    public static Http at(int port) {
        return new Http("http://localhost:" + port, HttpClient.newHttpClient(), null);
    }

    /** The same server through another client address (IPv6 loopback): another person's machine. */
    public Http fromOtherAddress() {
        return new Http(base.replace("localhost", "[::1]"), client, authorization);
    }

    public Http as(String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Http(base, client, "Basic " + credentials);
    }

    /** Signs in on the login page; the session's cookie and CSRF token go with every later request. */
    public static Http signedIn(int port, String user, String password) {
        return at(port).signIn(user, password);
    }

    /** A visitor's browser session, not signed in: its cookie and CSRF token go with every later request. */
    public static Http visitor(int port) {
        Http session = new Http("http://localhost:" + port, HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), null);
        session.csrfToken = session.get("/login").csrfToken();
        return session;
    }

    /** A browser's session from this client's address, signed in on the login page. */
    public Http signIn(String user, String password) {
        Http session = new Http(base, HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), null);
        Response login = session.get("/login");
        Response done = session.postForm("/login", Map.of("username", user, "password", password,
                "_csrf", login.csrfToken()));
        if (done.status() != 302 || done.header("Location").contains("error")) {
            throw new IllegalStateException("Sign-in of " + user + " failed: " + done.status());
        }
        session.csrfToken = session.get("/").csrfToken();
        return session;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Response postJson(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response putJson(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response postForm(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A form post with the session's CSRF token added, as the page's own form sends it. */
    public Response submit(String path, Map<String, String> fields) {
        java.util.Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfToken);
        return postForm(path, withToken);
    }

    public Response postFile(String path, String field, String fileName, byte[] content, String... headers) {
        String boundary = "----hostile" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return send(request(path, headers).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Response send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder builder = request(path, headers);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public record Response(int status, HttpHeaders headers, String body) {

        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }

        /** The {@code path} of each error of a problem+json refusal, in order. */
        public List<String> errorPaths() {
            return errors("path");
        }

        /** The {@code message} of each error of a problem+json refusal, in order. */
        public List<String> errorMessages() {
            return errors("message");
        }

        private List<String> errors(String property) {
            List<String> values = new java.util.ArrayList<>();
            json().path("errors").forEach(error -> values.add(error.path(property).asText()));
            return values;
        }

        String csrfToken() {
            Matcher token = CSRF.matcher(body);
            if (!token.find()) {
                throw new IllegalStateException("No CSRF token on the page (" + status + ")");
            }
            return token.group(1);
        }

        @Override
        public String toString() {
            return status + " " + header("Content-Type") + " " + (body.length() > 500 ? body.substring(0, 500) : body);
        }
    }
}
