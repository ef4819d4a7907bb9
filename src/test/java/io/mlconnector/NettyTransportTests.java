package io.mlconnector;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.channel.Channel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.Version;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Netty on the classpath is one release for every module, not older than the release
 * with the HTTP codec security fixes, and without native transports: the server and the
 * clients run on NIO (see the comment in pom.xml).
 */
class NettyTransportTests {

	/**
	 * The first Netty 4.2 release with the HTTP codec fixes; Spring Boot 4.1.2 manages
	 * it.
	 */
	static final int[] MINIMUM = { 4, 2, 19 };

	@Test
	void everyNettyModuleIsOneReleaseNotOlderThanTheOneWithTheHttpCodecFixes() {
		Map<String, Version> modules = Version.identify();

		assertThat(modules).containsKeys("netty-codec-http", "netty-codec-http2", "netty-transport", "netty-handler");
		assertThat(modules.values()).extracting(Version::artifactVersion)
			.containsOnly(modules.get("netty-codec-http").artifactVersion());
		modules.forEach((module, version) -> assertThat(isAtLeastMinimum(version.artifactVersion()))
			.as("%s %s is at least 4.2.19", module, version.artifactVersion())
			.isTrue());
	}

	@Test
	void noNativeTransportIsOnTheClasspath() {
		for (String type : new String[] { "io.netty.channel.epoll.Epoll", "io.netty.channel.uring.IoUring",
				"io.netty.channel.kqueue.KQueue" }) {
			assertThatExceptionOfType(ClassNotFoundException.class).as(type)
				.isThrownBy(() -> Class.forName(type, false, getClass().getClassLoader()));
		}
	}

	@Test
	void theHttpServerAndClientRunOnNio() {
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> response.sendString(Mono.just("ok")))
			.bindNow();
		try {
			AtomicReference<Channel> clientChannel = new AtomicReference<>();
			String body = HttpClient.create()
				.doOnConnected((connection) -> clientChannel.set(connection.channel()))
				.get()
				.uri("http://127.0.0.1:" + server.port() + "/")
				.responseContent()
				.aggregate()
				.asString()
				.block(Duration.ofSeconds(10));

			assertThat(body).isEqualTo("ok");
			assertThat(server.channel()).isInstanceOf(NioServerSocketChannel.class);
			assertThat(clientChannel.get()).isInstanceOf(NioSocketChannel.class);
		}
		finally {
			server.disposeNow();
		}
	}

	static boolean isAtLeastMinimum(String artifactVersion) {
		String[] parts = artifactVersion.split("[.-]");
		for (int i = 0; i < MINIMUM.length; i++) {
			int part = Integer.parseInt(parts[i]);
			if (part != MINIMUM[i]) {
				return part > MINIMUM[i];
			}
		}
		return true;
	}

}
