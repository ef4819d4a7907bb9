/**
 * IFS Cloud OData v4 client: IAM tokens, paging, filters, ETags and $batch, with DTO
 * records.
 */
package io.mlconnector.ifs;
