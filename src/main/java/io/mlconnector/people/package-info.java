/**
 * Headcount (IFS Cloud) and employee (Visma.net) sync jobs.
 */
package io.mlconnector.people;
