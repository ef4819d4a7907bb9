package io.mlconnector.sandbox.ifs;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * Writes the CSDL ({@code $metadata}) of a projection. Names IFS does not publish are
 * marked "simulated" in a Core.Description annotation.
 */
final class Csdl {

	private Csdl() {
	}

	static String write(String projection, SandboxModel model) {
		List<EntitySet> sets = model.setsOf(projection);
		String namespace = "IfsApp." + projection;
		StringBuilder xml = new StringBuilder();
		xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<edmx:Edmx xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\" Version=\"4.0\">\n")
			.append("<edmx:DataServices>\n")
			.append("<Schema xmlns=\"http://docs.oasis-open.org/odata/ns/edm\" Namespace=\"")
			.append(namespace)
			.append("\">\n");
		boolean documented = projection.equals("CompanyHandling") || projection.equals("PurchaseOrderHandling");
		for (EntitySet set : model.sets()) {
			if (!set.projection().equals(projection)) {
				continue;
			}
			EntityType type = set.type();
			xml.append("<EntityType Name=\"").append(type.name()).append("\">\n<Key>");
			type.keys().forEach((key) -> xml.append("<PropertyRef Name=\"").append(key).append("\"/>"));
			xml.append("</Key>\n");
			type.properties()
				.forEach((name, edm) -> xml.append("<Property Name=\"")
					.append(name)
					.append("\" Type=\"")
					.append(edm.edmName())
					.append("\"")
					.append(type.keys().contains(name) || type.required().contains(name) ? " Nullable=\"false\"" : "")
					.append(edm == EdmType.DECIMAL ? " Scale=\"2\"" : "")
					.append("/>\n"));
			type.navigations()
				.forEach((name, target) -> xml.append("<NavigationProperty Name=\"")
					.append(name)
					.append("\" Type=\"Collection(")
					.append(namespace)
					.append('.')
					.append(model.sets()
						.stream()
						.filter((candidate) -> candidate.name().equals(target))
						.findFirst()
						.orElseThrow()
						.type()
						.name())
					.append(")\" ContainsTarget=\"true\"/>\n"));
			xml.append("</EntityType>\n");
			type.actions()
				.keySet()
				.forEach((action) -> xml.append("<Action Name=\"")
					.append(action)
					.append("\" IsBound=\"true\"><Parameter Name=\"it\" Type=\"")
					.append(namespace)
					.append('.')
					.append(type.name())
					.append("\" Nullable=\"false\"/></Action>\n"));
		}
		xml.append("<EntityContainer Name=\"Main\">\n");
		for (EntitySet set : sets) {
			xml.append("<EntitySet Name=\"")
				.append(set.name())
				.append("\" EntityType=\"")
				.append(namespace)
				.append('.')
				.append(set.type().name())
				.append("\">");
			if (!documented) {
				xml.append("<Annotation Term=\"Core.Description\" String=\"")
					.append(HtmlUtils.htmlEscape("simulated: a sandbox name, not a published IFS name"))
					.append("\"/>");
			}
			xml.append("</EntitySet>\n");
		}
		xml.append("</EntityContainer>\n</Schema>\n</edmx:DataServices>\n</edmx:Edmx>\n");
		return xml.toString();
	}

}
