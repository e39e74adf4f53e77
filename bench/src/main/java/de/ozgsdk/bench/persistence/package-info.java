/** JMH benchmarks of the persistence layer (outbox on H2) with their bare-JDBC baselines. */
package de.ozgsdk.bench.persistence;
