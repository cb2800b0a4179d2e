package io.edgegateway.app.support;

import io.edgegateway.idp.DemoIdentityProvider;
import io.edgegateway.idp.echo.EchoUpstream;

/**
 * The real servers the gateway tests talk to, started once per test run: the demo
 * identity provider (Spring Authorization Server on a random port) and the echo upstream.
 */
public final class TestServers {

	private static DemoIdentityProvider idp;

	private static EchoUpstream upstream;

	private TestServers() {
	}

	/**
	 * The shared identity provider.
	 * @return the running identity provider
	 */
	public static synchronized DemoIdentityProvider idp() {
		if (idp == null) {
			idp = DemoIdentityProvider.builder().port(0).start();
			Runtime.getRuntime().addShutdownHook(new Thread(idp::close));
		}
		return idp;
	}

	/**
	 * The shared echo upstream.
	 * @return the running upstream
	 */
	public static synchronized EchoUpstream upstream() {
		if (upstream == null) {
			upstream = EchoUpstream.start(0);
			Runtime.getRuntime().addShutdownHook(new Thread(upstream::close));
		}
		return upstream;
	}

}
