/**
 * IFS Cloud OData v4 client: IAM tokens, paging, filters, ETags and $batch, with DTO
 * records.
 * <p>
 * Entry points: {@link io.mlconnector.ifs.IfsClients} (one
 * {@link io.mlconnector.ifs.IfsClient} per tenant: reads as a {@code Flux} of pages,
 * creates, PATCH and bound actions with a mandatory {@link io.mlconnector.ifs.IfsEtag},
 * {@code $batch} change sets), {@link io.mlconnector.ifs.IfsChangePoller} (changes since
 * a watermark kept in {@code sync_cursor}), {@link io.mlconnector.ifs.IfsItemReader} (a
 * restartable Spring Batch reader) and {@link io.mlconnector.ifs.ODataLiteral} (literal
 * formatting). Errors are typed: {@link io.mlconnector.ifs.IfsConflictException} (412),
 * {@link io.mlconnector.ifs.IfsPreconditionRequiredException} (428),
 * {@link io.mlconnector.ifs.IfsRetryLaterException} (423, 429, 503, 504, no answer),
 * {@link io.mlconnector.ifs.IfsOutcomeUnknownException} (a create without an answer) and
 * {@link io.mlconnector.ifs.IfsException} for everything else. What IFS documents and
 * what is an assumption is said on each class ([DOC], [OBS], [ASSUMPTION]).
 */
package io.mlconnector.ifs;
