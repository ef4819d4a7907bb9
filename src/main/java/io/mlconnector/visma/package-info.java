/**
 * Visma.net ERP client (Visma Connect client credentials, employees, departments,
 * branches, dimension segments) and its DTO records. What Visma documents and what is an
 * assumption is said on each class: [DOC] Visma's docs, [KB] Visma's community knowledge
 * base, [SPEC-3P] the third-party split of Visma's published OpenAPI document, and
 * ASSUMPTION where no source says.
 */
package io.mlconnector.visma;
