package io.mlconnector;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class MlConnectorApplication {

	public static void main(String[] args) {
		SpringApplication.run(MlConnectorApplication.class, args);
	}

}
