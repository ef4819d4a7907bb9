package io.mlconnector.visma;

import java.time.LocalDateTime;

/**
 * A department as Visma reads it ({@code DepartmentDto} [SPEC-3P]); an employee's
 * {@code department} must name an existing one.
 *
 * @param departmentId the id employees refer to
 * @param publicId uuid
 * @param description name
 * @param lastModifiedDateTime last change, server time
 * @param timeStamp version, the ETag
 */
public record VismaDepartment(String departmentId, String publicId, String description,
		LocalDateTime lastModifiedDateTime, String timeStamp) {

}
