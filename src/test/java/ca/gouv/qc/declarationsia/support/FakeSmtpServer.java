package ca.gouv.qc.declarationsia.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server that misbehaves as real ones do: one that never answers (hung), or one that stores each message at
 * once but answers the end of the message only after a while. It keeps the Message-ID of every message it stored.
 */
public final class FakeSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newCachedThreadPool();
    private final Duration finalReplyDelay;
    private final boolean hung;
    private final List<String> stored = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    private FakeSmtpServer(Duration finalReplyDelay, boolean hung) {
        this.finalReplyDelay = finalReplyDelay;
        this.hung = hung;
        try {
            this.socket = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connections.submit(this::accept);
    }

    /** Accepts connections and never says a word. */
    public static FakeSmtpServer hung() {
        return new FakeSmtpServer(Duration.ZERO, true);
    }

    /** Stores each message when it ends, and says so only after {@code delay}. */
    public static FakeSmtpServer acknowledgingAfter(Duration delay) {
        return new FakeSmtpServer(delay, false);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** How many connections it accepted so far. */
    public int connections() {
        return accepted.get();
    }

    /** The Message-ID of each message stored, as many times as it was stored. */
    public List<String> storedMessageIds() {
        return List.copyOf(stored);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                accepted.incrementAndGet();
                connections.submit(() -> converse(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client) {
            if (hung) {
                Thread.sleep(Duration.ofMinutes(10).toMillis());
                return;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            say(out, "220 fake.example ESMTP");
            String messageId = null;
            boolean inData = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (inData) {
                    if (line.equals(".")) {
                        inData = false;
                        stored.add(String.valueOf(messageId));
                        Thread.sleep(finalReplyDelay.toMillis());
                        say(out, "250 2.0.0 stored");
                    } else if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                        messageId = line.substring(11).trim();
                    }
                } else if (line.regionMatches(true, 0, "EHLO", 0, 4) || line.regionMatches(true, 0, "HELO", 0, 4)) {
                    say(out, "250 fake.example");
                } else if (line.regionMatches(true, 0, "DATA", 0, 4)) {
                    inData = true;
                    messageId = null;
                    say(out, "354 go ahead");
                } else if (line.regionMatches(true, 0, "QUIT", 0, 4)) {
                    say(out, "221 bye");
                    return;
                } else {
                    say(out, "250 OK");
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the client hung up, or the server is closing
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.shutdownNow();
    }
}
