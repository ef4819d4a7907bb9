package io.mlconnector.batch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.StorageBasedLockProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cluster-safe schedules: a {@code @Scheduled} method that is also
 * {@code @SchedulerLock(name = ...)} runs on one instance at a time, coordinated through
 * the {@code shedlock} table.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulerLockConfiguration {

	@Bean
	LockProvider lockProvider(JdbcClient jdbc) {
		return new DatabaseLockProvider(new MariaDbLockStorage(jdbc, instanceName()));
	}

	static String instanceName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		// two instances on one host must not take each other's locks for their own
		return host + "/" + UUID.randomUUID();
	}

	/**
	 * ShedLock's storage-based provider over {@link MariaDbLockStorage}.
	 */
	static final class DatabaseLockProvider extends StorageBasedLockProvider {

		DatabaseLockProvider(MariaDbLockStorage storage) {
			super(storage);
		}

	}

}
