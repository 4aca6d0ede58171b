package dev.loadplan.bench;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.LongAdder;
import javax.net.SocketFactory;

/**
 * The sockets of the benchmarks' connections, counting every byte the server sends: pgjdbc makes its sockets with
 * the factory its {@code socketFactory} property names ({@link BenchState#pool}), so the count is what crossed the
 * wire (TLS's bytes when the server speaks it), protocol framing included, below the driver and all it buffers.
 * One count for every connection: the round-robin run calls one contender at a time, so what the count grows by
 * during a contender's round is that contender's.
 */
public final class CountingSocketFactory extends SocketFactory {

    private static final LongAdder RECEIVED = new LongAdder();

    /** pgjdbc makes one with this constructor, by name. */
    public CountingSocketFactory() {
    }

    /** Bytes received from the server by every socket made so far. */
    static long received() {
        return RECEIVED.sum();
    }

    @Override
    public Socket createSocket() {
        return new CountingSocket();
    }

    // pgjdbc connects the unconnected socket above itself; these are SocketFactory's other duties.
    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new CountingSocket(), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = new CountingSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        return connected(socket, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new CountingSocket(), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = new CountingSocket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        return connected(socket, new InetSocketAddress(address, port));
    }

    private static Socket connected(Socket socket, InetSocketAddress server) throws IOException {
        socket.connect(server);
        return socket;
    }

    /** A plain socket whose input stream counts what it reads. */
    private static final class CountingSocket extends Socket {

        private InputStream counting;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (counting == null) {
                counting = new CountingInputStream(super.getInputStream());
            }
            return counting;
        }
    }

    private static final class CountingInputStream extends FilterInputStream {

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int read = in.read();
            if (read >= 0) {
                RECEIVED.increment();
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            if (read > 0) {
                RECEIVED.add(read);
            }
            return read;
        }

        @Override
        public long skip(long count) throws IOException {
            long skipped = in.skip(count);
            RECEIVED.add(skipped);
            return skipped;
        }
    }
}
