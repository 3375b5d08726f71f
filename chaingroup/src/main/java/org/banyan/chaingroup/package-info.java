/**
 * The chain group (issue 4) as system contracts: main-chain governance ({@link org.banyan.chaingroup.ChainGroupContract}),
 * its transaction gate ({@link org.banyan.chaingroup.MainChainGate}), and on sub-chains the light client of the main
 * chain that applies supervision orders ({@link org.banyan.chaingroup.MainChainClientContract},
 * {@link org.banyan.chaingroup.SubChainGate}). A node registers them with
 * {@link org.banyan.chaingroup.ChainGroupContracts#register}.
 */
package org.banyan.chaingroup;
