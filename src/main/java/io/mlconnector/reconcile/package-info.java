/**
 * Reconciliation job and report: Gusto totals and headcount against IFS Cloud and
 * Visma.net.
 */
package io.mlconnector.reconcile;
