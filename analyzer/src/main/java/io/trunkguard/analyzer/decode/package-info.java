/**
 * Link and network decoding in place: Ethernet/VLAN/MPLS, Linux SLL/SLL2, raw IP, BSD
 * loopback, IPv4/IPv6 with extension headers and the tunnels (IP-in-IP, GRE, ERSPAN,
 * VXLAN) that wrap them.
 */
package io.trunkguard.analyzer.decode;
