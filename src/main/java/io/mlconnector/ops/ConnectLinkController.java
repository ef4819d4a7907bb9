package io.mlconnector.ops;

import java.net.URI;
import java.util.Map;

import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/tenants/{tenant}/gusto/connect-link} (operator): a signed link to
 * {@code /connect/gusto} for the tenant, to open in a browser as an admin of its Gusto
 * company.
 */
@RestController
@RequestMapping("/api/v1/tenants")
class ConnectLinkController {

	private final Tenants tenants;

	private final ConnectLinks links;

	private final OperatorActions actions;

	ConnectLinkController(Tenants tenants, ConnectLinks links, OperatorActions actions) {
		this.tenants = tenants;
		this.links = links;
		this.actions = actions;
	}

	@PostMapping("/{tenantId}/gusto/connect-link")
	Mono<Map<String, Object>> connectLink(@PathVariable String tenantId, ServerHttpRequest request,
			Authentication operator) {
		Tenant tenant = this.tenants.find(tenantId)
			.orElseThrow(() -> Problems.notFound("No tenant '" + tenantId + "' is configured"));
		if (tenant.gusto().isEmpty()) {
			throw Problems.badRequest(
					"Tenant " + tenantId + " has no Gusto connection configured (mlc.tenants." + tenantId + ".gusto)");
		}
		URI uri = request.getURI();
		URI base = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
		ConnectLinks.Link link = this.links.issue(base, tenantId);
		// the audit records who asked and the expiry, never the signature
		return this.actions
			.act(operator, "gusto.connect-link", "tenant:" + tenantId, tenantId, () -> "expires " + link.expiresAt())
			.map((recorded) -> Map.<String, Object>of("tenant", tenantId, "url", link.url().toString(), "expires_at",
					link.expiresAt().toString()));
	}

}
