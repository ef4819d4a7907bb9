package io.mlconnector.slack;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SlackNotificationTests {

	@Test
	void elevenFieldsContinueInASecondSectionAndEveryBlockIdCarriesKeyAndVersion() {
		List<SlackNotification.Field> fields = IntStream.rangeClosed(1, 11)
			.mapToObj((n) -> new SlackNotification.Field("F" + n, "v" + n))
			.toList();
		List<LayoutBlock> blocks = new SlackNotification("Header", fields, List.of(), List.of()).blocks("po_7", 3);
		assertThat(blocks).extracting(LayoutBlock::getBlockId)
			.containsExactly("hdr_po_7_v3", "fld0_po_7_v3", "fld1_po_7_v3");
		assertThat(((SectionBlock) blocks.get(1)).getFields()).hasSize(10);
		assertThat(((SectionBlock) blocks.get(2)).getFields()).singleElement()
			.satisfies((field) -> assertThat(((MarkdownTextObject) field).getText()).isEqualTo("*F11*\nv11"));
	}

	@Test
	void textsLongerThanSlackTakesAreCutWithAnEllipsis() {
		SlackNotification notification = new SlackNotification("H".repeat(200),
				List.of(new SlackNotification.Field("Memo", "m".repeat(2500))), List.of(), List.of());
		List<LayoutBlock> blocks = notification.blocks("k", 1);
		String header = ((HeaderBlock) blocks.get(0)).getText().getText();
		assertThat(header).hasSize(SlackNotification.MAX_HEADER).endsWith("…");
		String field = ((MarkdownTextObject) ((SectionBlock) blocks.get(1)).getFields().get(0)).getText();
		assertThat(field).hasSize(SlackNotification.MAX_FIELD_TEXT).endsWith("…");
	}

	@Test
	void theFallbackTextCarriesHeaderAndFieldsAndAnEmptyValueShowsADash() {
		SlackNotification notification = new SlackNotification("PO 7 released",
				List.of(new SlackNotification.Field("Supplier", "Acme"), new SlackNotification.Field("Buyer", null)),
				List.of(), List.of());
		assertThat(notification.fallbackText()).isEqualTo("PO 7 released | Supplier: Acme | Buyer: –");
		SlackMessage message = notification.toMessage("C1", "po_7", 1,
				new SlackMetadata("purchase_order", Map.of("order_no", "7")));
		assertThat(message.text()).isEqualTo(notification.fallbackText());
		assertThat(message.metadata().payload()).containsEntry("order_no", "7");
	}

	@Test
	void buttonsBecomeOneActionsBlockInOrder() {
		SlackNotification notification = new SlackNotification("H", List.of(), List.of("ctx"),
				List.of(new SlackNotification.Button("approve", "Approve", "7", "primary"),
						new SlackNotification.Button("reject", "Reject", "7", "danger")));
		List<LayoutBlock> blocks = notification.blocks("k", 1);
		assertThat(blocks).extracting(LayoutBlock::getType).containsExactly("header", "context", "actions");
		assertThat(((ActionsBlock) blocks.get(2)).getElements()).hasSize(2);
	}

	@Test
	void limitsThatAreProgrammingErrorsAreRefusedWithTheLimit() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SlackNotification.Button("a", "x".repeat(76), "v", null))
			.withMessageContaining("75");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SlackNotification.Button("a", "ok", "v".repeat(2001), null))
			.withMessageContaining("2000");
		assertThatIllegalArgumentException().isThrownBy(() -> new SlackNotification.Button("a", "ok", "v", "green"))
			.withMessageContaining("primary, danger");
		List<SlackNotification.Button> buttons = IntStream.range(0, 26)
			.mapToObj((n) -> new SlackNotification.Button("a" + n, "b", "v", null))
			.toList();
		assertThatIllegalArgumentException().isThrownBy(() -> new SlackNotification("H", null, null, buttons))
			.withMessageContaining("at most 25");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SlackNotification("H", null, null, null).blocks("k".repeat(260), 1))
			.withMessageContaining("255");
		assertThatIllegalArgumentException().isThrownBy(() -> new SlackMetadata("has space", Map.of()))
			.withMessageContaining("event_type");
		assertThatIllegalArgumentException().isThrownBy(() -> SlackMessage.text("C1", " "))
			.withMessageContaining("plain-text fallback");
	}

}
