/**
 * IFS Cloud simulator (profile {@code sandbox}): IAM token endpoint, OData v4 projections
 * with IFS-style ETags, paging, filters, bound actions, {@code $batch}, voucher rules,
 * rate limiting and fault injection, all kept in memory. What it does that IFS documents
 * and what is a simulator choice ([ASSUMPTION]) is said on each class.
 */
package io.mlconnector.sandbox.ifs;
