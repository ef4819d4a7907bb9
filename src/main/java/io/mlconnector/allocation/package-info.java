/**
 * Employee allocation shared by the flows that book or sync people into IFS: an
 * employee's work location, department and job map to IFS company, cost center and
 * project with the tenant's allocation rules
 * ({@link io.mlconnector.allocation.Allocator}), from profiles built out of Gusto's
 * employee records ({@link io.mlconnector.allocation.EmployeeProfiles}). It may use
 * connectors and the tenant configuration, never a flow.
 */
package io.mlconnector.allocation;
