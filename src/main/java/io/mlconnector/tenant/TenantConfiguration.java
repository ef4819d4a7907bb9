package io.mlconnector.tenant;

import jakarta.validation.Validator;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TenantsProperties.class)
class TenantConfiguration {

	@Bean
	@ConfigurationPropertiesBinding
	static SecretConverter secretConverter() {
		return new SecretConverter();
	}

	@Bean
	Tenants tenants(TenantsProperties properties, Validator validator) {
		new TenantConfigurationValidator(validator).validate(properties);
		return new Tenants(properties);
	}

}
