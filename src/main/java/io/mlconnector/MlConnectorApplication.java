package io.mlconnector;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MlConnectorApplication {

	public static void main(String[] args) {
		SpringApplication.run(MlConnectorApplication.class, args);
	}

}
