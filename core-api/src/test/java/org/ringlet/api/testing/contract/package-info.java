/**
 * Abstract contract tests for the SPIs: every implementation's test extends the one for its SPI
 * ({@link org.ringlet.api.testing.contract.PartitionerContractTest},
 * {@link org.ringlet.api.testing.contract.ReplicationStrategyContractTest},
 * {@link org.ringlet.api.testing.contract.LocationProviderContractTest},
 * {@link org.ringlet.api.testing.contract.NodeProximityContractTest}), so that each of them keeps the same
 * promises.
 */
package org.ringlet.api.testing.contract;
