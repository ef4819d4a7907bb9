package io.mlconnector.visma;

/**
 * A branch of the company, as {@code GET /v1/branch} reads it. ASSUMPTION: the reference
 * documents branches only as the employee's {@code branch {number, name}} [SPEC-3P]; the
 * endpoint and these fields follow that shape and are not checked against Visma.
 *
 * @param number branch number, what an employee's {@code branch} names
 * @param name branch name
 * @param active whether employees may be assigned
 */
public record VismaBranch(String number, String name, Boolean active) {

}
