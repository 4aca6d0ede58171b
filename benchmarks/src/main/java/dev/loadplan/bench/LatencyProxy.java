package dev.loadplan.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on loopback that holds every chunk of bytes for a fixed time before passing it on, in each direction:
 * a network's latency without its bandwidth limit, so a round trip costs what it costs between an application and a
 * database in the same data centre (0.2-1 ms) rather than loopback's few microseconds. Chunks keep their order; a
 * chunk is sent when its time comes, whatever follows it.
 *
 * <p>It also counts round trips as the wire sees them: a client's turn to speak begins when it sends bytes after the
 * server has sent some since the client last sent, so a statement's Parse, Bind, Execute and Sync written in one or
 * several chunks count once, and statements pipelined before any answer count once together. What a driver does on
 * the wire, not what it was asked to do, is what a network's latency charges for.
 */
final class LatencyProxy implements AutoCloseable {

    private static final byte[] END = new byte[0];

    private final ServerSocket server;
    private final String host;
    private final int port;
    private volatile long delayNanos;
    private final LongAdder turns = new LongAdder();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "latency-proxy");
        thread.setDaemon(true);
        return thread;
    });

    private record Chunk(long due, byte[] bytes) {
    }

    /** A proxy to {@code host:port} that delays each direction by {@code delayMicros}. */
    LatencyProxy(String host, int port, long delayMicros) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.host = host;
        this.port = port;
        this.delayNanos = delayMicros * 1_000;
        threads.submit(this::accept);
    }

    /**
     * Holds what arrives from now on for {@code delayMicros} each way: one proxy, and one pool behind it, serves every
     * latency of a run. Set it between loads, with nothing in flight.
     */
    void delay(long delayMicros) {
        this.delayNanos = delayMicros * 1_000;
    }

    /** The clients' turns to speak so far, over every connection: round trips, as the wire counts them. */
    long turns() {
        return turns.sum();
    }

    /** The port the proxy listens on, on loopback. */
    int port() {
        return server.getLocalPort();
    }

    /** {@code jdbcUrl} (of {@code jdbc:postgresql://host:port/...}) pointed at this proxy instead. */
    String through(String jdbcUrl) {
        return jdbcUrl.replaceFirst("//[^/]+/", "//localhost:" + port() + "/");
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(host, port);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                // A new connection's first bytes begin a turn; the server has spoken, in effect, by accepting it.
                AtomicBoolean serverSpoke = new AtomicBoolean(true);
                pipe(client, upstream, () -> {
                    if (serverSpoke.getAndSet(false)) {
                        turns.increment();
                    }
                });
                pipe(upstream, client, () -> serverSpoke.set(true));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new IllegalStateException("the latency proxy stopped accepting", e);
                }
            }
        }
    }

    /**
     * Passes what {@code from} sends to {@code to}, each chunk {@code delayNanos} after it arrived, telling
     * {@code arrived} of each chunk as it arrives: the order in which the two directions' chunks reach the proxy is
     * the order of the conversation, whatever the delay.
     */
    private void pipe(Socket from, Socket to, Runnable arrived) {
        BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
        threads.submit(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream()) {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    arrived.run();
                    chunks.put(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, read)));
                }
            } catch (IOException | InterruptedException e) {
                // The connection ended: pass the end on.
            }
            chunks.add(new Chunk(0, END));
        });
        threads.submit(() -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk chunk = chunks.take();
                    if (chunk.bytes() == END) {
                        return;
                    }
                    for (long wait; (wait = chunk.due() - System.nanoTime()) > 0; ) {
                        LockSupport.parkNanos(wait);
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // The other side closed.
            } finally {
                try {
                    to.close();
                } catch (IOException ignored) {
                    // Closing is all that is left to do.
                }
            }
        });
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
