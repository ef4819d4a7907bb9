/**
 * Visma.net ERP client and DTO records.
 */
package io.mlconnector.visma;
