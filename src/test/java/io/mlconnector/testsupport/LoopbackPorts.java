package io.mlconnector.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Ports on the loopback address, for tests, benchmarks and the local embedded database
 * that must know their port before a server starts (tenant base URLs are bound at
 * start-up).
 */
public final class LoopbackPorts {

	private LoopbackPorts() {
	}

	/**
	 * A port that was free on the loopback address a moment ago.
	 * @return the port
	 */
	public static int free() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether a port is free on the loopback address.
	 * @param port the port
	 * @return whether it could be bound just now
	 */
	public static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
