package io.mlconnector.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow and stalled senders over real sockets: bodies read at once are capped, a sender
 * that stalls mid-body is disconnected, oversized headers are refused.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mlc.inbox.max-concurrent-bodies=2", "mlc.http.read-timeout=1s", "mlc.http.request-timeout=3s" })
@ActiveProfiles("acme")
class SlowClientIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void whileTheCapOfBodiesIsTakenByStalledSendersTheNextIsToldToRetryAndLaterServed() throws Exception {
		// given two senders that declared 1000 bytes and sent ten
		List<Socket> stalled = new ArrayList<>();
		try {
			for (int i = 0; i < 2; i++) {
				stalled.add(stalledPost(1000, 10));
			}
			Thread.sleep(300);

			// when a third sender posts a whole body
			String busy = post("{\"uuid\":\"x\"}", "");

			// then it is told to come back, before its body is read
			assertThat(busy).startsWith("HTTP/1.1 503").contains("Retry-After: 1").contains("inbox_busy");
		}
		finally {
			for (Socket socket : stalled) {
				socket.close();
			}
		}
		// and once the stalled senders are gone (or timed out) requests are served again
		Thread.sleep(1500);
		assertThat(post("{\"uuid\":\"x\"}", "")).startsWith("HTTP/1.1 401").contains("signature_missing");
	}

	@Test
	void aSenderThatStallsMidBodyIsDisconnectedAfterTheReadTimeout() throws Exception {
		try (Socket socket = stalledPost(1000, 10)) {
			socket.setSoTimeout(8000);
			long start = System.nanoTime();
			InputStream in = socket.getInputStream();
			boolean closedOrAnswered;
			try {
				// the server closes the connection (EOF) or answers: it lets go
				in.readAllBytes();
				closedOrAnswered = true;
			}
			catch (SocketTimeoutException ex) {
				closedOrAnswered = false;
			}
			catch (IOException ex) {
				// reset by the server
				closedOrAnswered = true;
			}
			assertThat(closedOrAnswered).as("the server let go of the stalled connection").isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		}
	}

	@Test
	void headersLargerThanTheLimitAreRefusedWithA4xx() throws Exception {
		String answer = post("{}", "X-Padding: " + "a".repeat(20 * 1024) + "\r\n");
		assertThat(answer).matches("(?s)HTTP/1.1 4\\d\\d.*");
	}

	private Socket stalledPost(int declared, int sent) throws IOException {
		Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port);
		OutputStream out = socket.getOutputStream();
		out.write(("POST /webhooks/gusto HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + declared + "\r\n\r\n" + "{".repeat(sent))
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return socket;
	}

	private String post(String body, String extraHeaders) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /webhooks/gusto HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ extraHeaders + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(bytes);
			out.flush();
			try {
				return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				return "connection closed: " + ex.getMessage();
			}
		}
	}

}
