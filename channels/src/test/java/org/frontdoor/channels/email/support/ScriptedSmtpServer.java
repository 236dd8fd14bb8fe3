package org.frontdoor.channels.email.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal SMTP server on loopback that answers each command with a scripted reply, to
 * test how real SMTP error replies (4xx, 5xx, failed authentication) are classified.
 * Commands without a script get the normal success reply.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

	private final ServerSocket server;

	private final Map<String, String> replies = new ConcurrentHashMap<>();

	private volatile String lastMessage;

	/**
	 * Start the server.
	 * @throws IOException when the port cannot be opened
	 */
	public ScriptedSmtpServer() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::serve, "scripted-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * The port.
	 * @return the port
	 */
	public int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Script the reply to a command.
	 * @param command {@code GREETING}, {@code AUTH}, {@code MAIL}, {@code RCPT} or
	 * {@code DATA} (the reply after the message)
	 * @param reply the full reply line, e.g.
	 * {@code 550 5.1.1 <bob@example.org>: no such user}
	 */
	public void reply(String command, String reply) {
		this.replies.put(command, reply);
	}

	/**
	 * The last message received (DATA), as sent on the wire.
	 * @return the message, or {@code null}
	 */
	public String lastMessage() {
		return this.lastMessage;
	}

	/** Forget the scripted replies. */
	public void reset() {
		this.replies.clear();
	}

	private void serve() {
		while (!this.server.isClosed()) {
			try (Socket socket = this.server.accept()) {
				session(socket);
			}
			catch (IOException ex) {
				// client gone or server closed
			}
		}
	}

	private void session(Socket socket) throws IOException {
		BufferedReader in = new BufferedReader(
				new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
		OutputStream out = socket.getOutputStream();
		String greeting = this.replies.getOrDefault("GREETING", "220 scripted ESMTP");
		send(out, greeting);
		if (!greeting.startsWith("2")) {
			return;
		}
		String line;
		while ((line = in.readLine()) != null) {
			String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
			switch (verb) {
				case "EHLO" -> send(out, "250-scripted\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
				case "HELO" -> send(out, "250 scripted");
				case "AUTH" -> send(out, this.replies.getOrDefault("AUTH", "235 2.7.0 Authentication successful"));
				case "MAIL" -> send(out, this.replies.getOrDefault("MAIL", "250 2.1.0 Ok"));
				case "RCPT" -> send(out, this.replies.getOrDefault("RCPT", "250 2.1.5 Ok"));
				case "DATA" -> {
					send(out, "354 End data with <CR><LF>.<CR><LF>");
					StringBuilder message = new StringBuilder();
					String data;
					while ((data = in.readLine()) != null && !data.equals(".")) {
						message.append(data).append("\r\n");
					}
					this.lastMessage = message.toString();
					send(out, this.replies.getOrDefault("DATA", "250 2.0.0 Ok: queued"));
				}
				case "RSET", "NOOP" -> send(out, "250 2.0.0 Ok");
				case "QUIT" -> {
					send(out, "221 2.0.0 Bye");
					return;
				}
				default -> send(out, "502 5.5.2 Command not recognized");
			}
		}
	}

	private static void send(OutputStream out, String reply) throws IOException {
		out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
