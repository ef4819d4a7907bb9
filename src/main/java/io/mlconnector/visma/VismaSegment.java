package io.mlconnector.visma;

import java.util.List;

/**
 * A segment of a dimension (segmented key) with its values ({@code DtoSegment}
 * [SPEC-3P]), e.g. a {@code SUBACCOUNT} segment holding cost-centre values.
 *
 * @param internalId internal id
 * @param segmentId the segment's number within the dimension
 * @param description name
 * @param length value length
 * @param timeStamp version, the ETag of a segment update
 * @param segmentValues the values
 */
public record VismaSegment(Integer internalId, Integer segmentId, String description, Integer length, String timeStamp,
		List<Value> segmentValues) {

	public VismaSegment {
		segmentValues = (segmentValues != null) ? List.copyOf(segmentValues) : List.of();
	}

	/**
	 * One value of a segment ({@code DtoSegmentValue}).
	 *
	 * @param valueId the value
	 * @param description its description
	 * @param active whether it may be used
	 */
	public record Value(String valueId, String description, Boolean active) {

	}

	/**
	 * Whether an active value exists.
	 * @param valueId the value
	 * @return whether it does
	 */
	public boolean hasActiveValue(String valueId) {
		return this.segmentValues.stream()
			.anyMatch((value) -> valueId.equals(value.valueId()) && !Boolean.FALSE.equals(value.active()));
	}

}
