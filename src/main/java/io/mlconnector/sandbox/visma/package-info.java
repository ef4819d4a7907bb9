/**
 * Visma.net ERP simulator (profile {@code sandbox}) under {@code /sandbox/visma}: a Visma
 * Connect token endpoint with company and customer tenants, the {@code /v1} employee,
 * department, branch and dimension endpoints with Visma's shapes ({@code {value}}-wrapped
 * writes, plain reads), validation, silent page-size cap, {@code timeStamp}/ETag with
 * 412, an hourly fixed-window rate limit with {@code X-RateLimit-*} headers and 429,
 * fault injection and admin endpoints, all in memory. What Visma documents and what is a
 * simulator choice (ASSUMPTION) is said on each class.
 */
package io.mlconnector.sandbox.visma;
