/**
 * Scale-out on Apache Spark: {@link org.latentexplorer.cluster.SparkJobs} runs a list of this project's command-line
 * invocations ({@link org.latentexplorer.cluster.Job}) as one Spark task each, in the executors' JVMs, and collects each
 * one's exit code and last output line ({@link org.latentexplorer.cluster.JobResult}). Spark is provided by the cluster
 * ({@code provided} scope): nothing here is reachable from the desktop app or the other commands.
 */
package org.latentexplorer.cluster;
