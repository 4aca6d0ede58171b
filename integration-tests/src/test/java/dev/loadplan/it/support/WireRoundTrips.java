package dev.loadplan.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between clients and PostgreSQL that counts round trips on the wire: a round trip begins each time a
 * connection's client sends bytes after the server sent bytes since the client last sent (or for the first time).
 * Whatever the driver packs into one write, or several writes before it reads, is one round trip; each wait for the
 * server's answer before sending more is another. Counts every connection through it; {@link #reset} starts over.
 */
public final class WireRoundTrips implements AutoCloseable {

    private final ServerSocket server;
    private final String host;
    private final int port;
    private final AtomicInteger roundTrips = new AtomicInteger();
    private volatile boolean closed;

    /** Listens on a free port of the loopback interface, forwarding to {@code host}:{@code port}. */
    public WireRoundTrips(String host, int port) {
        this.host = host;
        this.port = port;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accepting = new Thread(this::accept, "round-trip-proxy");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** The port clients connect to instead of the server's. */
    public int port() {
        return server.getLocalPort();
    }

    /** Round trips since the last {@link #reset}. */
    public int count() {
        return roundTrips.get();
    }

    public void reset() {
        roundTrips.set(0);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket database = new Socket(host, port);
                client.setTcpNoDelay(true);
                database.setTcpNoDelay(true);
                // Whether the server answered since the client last sent: the client's next bytes then begin a round
                // trip. True at first: the connection's first bytes begin one.
                AtomicBoolean answered = new AtomicBoolean(true);
                pump(client, database, () -> {
                    if (answered.getAndSet(false)) {
                        roundTrips.incrementAndGet();
                    }
                });
                pump(database, client, () -> answered.set(true));
            } catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Copies {@code from} to {@code to} on a thread of its own, calling {@code onBytes} before each chunk it sends. */
    private static void pump(Socket from, Socket to, Runnable onBytes) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    onBytes.run();
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // A connection closed at either end: the other half closes with it.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "round-trip-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing already.
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
