package io.edgegateway.app.security;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AddressRangeTests {

	@Test
	void containsWhenInsideCidrThenTrue() throws Exception {
		AddressRange range = AddressRange.parse("10.1.0.0/16", "p");
		assertThat(range.contains(InetAddress.getByName("10.1.255.3"))).isTrue();
		assertThat(range.contains(InetAddress.getByName("10.2.0.1"))).isFalse();
		assertThat(AddressRange.parse("192.168.1.128/25", "p").contains(InetAddress.getByName("192.168.1.200")))
			.isTrue();
		assertThat(AddressRange.parse("192.168.1.128/25", "p").contains(InetAddress.getByName("192.168.1.100")))
			.isFalse();
		assertThat(AddressRange.parse("127.0.0.1", "p").contains(InetAddress.getByName("127.0.0.1"))).isTrue();
		assertThat(AddressRange.parse("::1", "p").contains(InetAddress.getByName("127.0.0.1"))).isFalse();
		assertThat(AddressRange.parse("2001:db8::/32", "p").contains(InetAddress.getByName("2001:db8::7"))).isTrue();
	}

	@Test
	void parseWhenNotAnAddressLiteralThenNamesTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AddressRange.parse("proxy.example.com", "edge.security.trusted-proxies[0]"))
			.withMessage("edge.security.trusted-proxies[0]: 'proxy.example.com' is not an IP address or CIDR range");
		assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.parse("10.0.0.0/33", "p"))
			.withMessageContaining("invalid prefix length");
	}

}
