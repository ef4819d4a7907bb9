package io.mlconnector.outbound;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundRequestObservationConventionTests {

	@Test
	void uuidsAndTheQueryLeaveTheUriTag() {
		assertThat(OutboundRequestObservationConvention.endpoint(URI.create(
				"http://localhost:8080/sandbox/gusto/v1/companies/7c1a5e32-4a5b-4a3c-9a0e-6f1d2c3b4a51/payrolls/314ca255-0c2a-3940-9bfc-d3a7f579103a?include=taxes&page=1&per=100")))
			.isEqualTo("/sandbox/gusto/v1/companies/{id}/payrolls/{id}");
	}

	@Test
	void odataKeyPredicatesAndNumbersBecomePlaceholders() {
		assertThat(OutboundRequestObservationConvention.endpoint(URI.create(
				"https://acme.ifs.cloud/main/ifsapplications/projection/v1/ManSuppInvoiceHandling.svc/ManSuppInvoiceSet(Company='10',InvoiceId=42)/IfsApp.ManSuppInvoiceHandling.ManSuppInvoice_Authorize")))
			.isEqualTo(
					"/main/ifsapplications/projection/v1/ManSuppInvoiceHandling.svc/ManSuppInvoiceSet({key})/IfsApp.ManSuppInvoiceHandling.ManSuppInvoice_Authorize");
		assertThat(OutboundRequestObservationConvention.endpoint("/api/v1/items/12345/rows"))
			.isEqualTo("/api/v1/items/{n}/rows");
	}

	@Test
	void aBatchEndpointStaysAsItIs() {
		assertThat(OutboundRequestObservationConvention.endpoint(URI
			.create("http://localhost/sandbox/ifs/main/ifsapplications/projection/v1/VoucherHandling.svc/$batch")))
			.isEqualTo("/sandbox/ifs/main/ifsapplications/projection/v1/VoucherHandling.svc/$batch");
	}

}
