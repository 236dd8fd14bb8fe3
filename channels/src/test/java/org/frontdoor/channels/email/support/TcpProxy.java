package org.frontdoor.channels.email.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of a test server, so a test can drop the connection
 * exactly when it wants: all at once ({@link #dropAll()}) or after a number of bytes went
 * from the server to the client ({@link #dropAfterDownstreamBytes(long)}, i.e. in the
 * middle of a fetch).
 */
public final class TcpProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicLong downstream = new AtomicLong();

	private volatile long dropAt = Long.MAX_VALUE;

	private volatile boolean refusing;

	private final AtomicInteger drops = new AtomicInteger();

	/**
	 * Start a proxy to a loopback port.
	 * @param targetPort the server's port
	 * @throws IOException when the proxy port cannot be opened
	 */
	public TcpProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "tcp-proxy-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * The port clients connect to.
	 * @return the port
	 */
	public int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Connections accepted so far.
	 * @return the count
	 */
	public int connections() {
		return this.connections.get();
	}

	/**
	 * Times connections were dropped on purpose.
	 * @return the count
	 */
	public int drops() {
		return this.drops.get();
	}

	/**
	 * Drop every open connection once this many more bytes went from server to client.
	 * @param bytes the bytes
	 */
	public void dropAfterDownstreamBytes(long bytes) {
		this.dropAt = this.downstream.get() + bytes;
	}

	/**
	 * Refuse (close at once) new connections until {@link #accept(boolean)} is called
	 * with true: the server is "down".
	 * @param accepting whether to accept connections
	 */
	public void accept(boolean accepting) {
		this.refusing = !accepting;
	}

	/** Close every open connection now. */
	public void dropAll() {
		this.drops.incrementAndGet();
		for (Socket socket : this.sockets) {
			closeQuietly(socket);
		}
		this.sockets.clear();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.refusing) {
					closeQuietly(client);
					continue;
				}
				this.connections.incrementAndGet();
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.sockets.add(client);
				this.sockets.add(upstream);
				pump(client, upstream, false);
				pump(upstream, client, true);
			}
			catch (IOException ex) {
				if (this.server.isClosed()) {
					return;
				}
			}
		}
	}

	private void pump(Socket from, Socket to, boolean downstream) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) != -1) {
					out.write(buffer, 0, read);
					out.flush();
					if (downstream && this.downstream.addAndGet(read) >= this.dropAt) {
						this.dropAt = Long.MAX_VALUE;
						dropAll();
						return;
					}
				}
			}
			catch (IOException ex) {
				// connection closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "tcp-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		dropAll();
	}

}
