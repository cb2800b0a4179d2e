package io.edgegateway.app.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IP address or CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/32},
 * {@code 127.0.0.1}), written as literals: nothing is looked up in DNS.
 */
final class AddressRange {

	private final byte[] network;

	private final int prefixBits;

	private AddressRange(byte[] network, int prefixBits) {
		this.network = network;
		this.prefixBits = prefixBits;
	}

	/**
	 * Parse a range.
	 * @param range an address or CIDR range
	 * @param property the property it was configured as, for the error message
	 * @return the range
	 * @throws IllegalArgumentException naming the property if it is not an address
	 * literal or range
	 */
	static AddressRange parse(String range, String property) {
		String[] parts = range.trim().split("/", 2);
		if (!parts[0].matches("[0-9a-fA-F:.]+")) {
			throw new IllegalArgumentException(property + ": '" + range + "' is not an IP address or CIDR range");
		}
		try {
			byte[] address = InetAddress.getByName(parts[0]).getAddress();
			int bits = (parts.length == 2) ? Integer.parseInt(parts[1]) : address.length * 8;
			if (bits < 0 || bits > address.length * 8) {
				throw new IllegalArgumentException(property + ": '" + range + "' has an invalid prefix length");
			}
			return new AddressRange(address, bits);
		}
		catch (UnknownHostException | NumberFormatException ex) {
			throw new IllegalArgumentException(property + ": '" + range + "' is not an IP address or CIDR range", ex);
		}
	}

	/**
	 * Whether an address lies in this range.
	 * @param address the address
	 * @return whether it matches
	 */
	boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		if (candidate.length != this.network.length) {
			return false;
		}
		int fullBytes = this.prefixBits / 8;
		for (int i = 0; i < fullBytes; i++) {
			if (candidate[i] != this.network[i]) {
				return false;
			}
		}
		int remainingBits = this.prefixBits % 8;
		if (remainingBits == 0) {
			return true;
		}
		int mask = (0xFF << (8 - remainingBits)) & 0xFF;
		return (candidate[fullBytes] & mask) == (this.network[fullBytes] & mask);
	}

}
