package io.mlconnector.sandbox.gusto;

import reactor.netty.Connection;

import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Closes a request's TCP connection without an answer (the "dropped connection" fault).
 */
final class SandboxConnections {

	private SandboxConnections() {
	}

	static void drop(ServerRequest request) {
		if (request.exchange().getRequest() instanceof AbstractServerHttpRequest server
				&& server.getNativeRequest() instanceof Connection connection) {
			connection.channel().close();
		}
	}

}
